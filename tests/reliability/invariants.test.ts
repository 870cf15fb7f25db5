/** The invariant checks themselves: each must catch the violation it exists for (so the suites can fail). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RoleAssignment } from '../../src/arm/types';
import type { RecordedRequest } from '../../src/emulator';
import { deletedTwice, duplicateRoleAssignments, roleAssignmentsCreatedTwice, writesDuring } from './support/invariants';

let seq = 0;
function req(method: string, path: string, status: number): RecordedRequest {
  seq += 1;
  return { seq, method, path, query: {}, status, time: seq };
}

const C = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/computes/cpu';
const RA = '/subscriptions/s/providers/Microsoft.Authorization/roleAssignments/11111111-1111-1111-1111-111111111111';

test('deletedTwice: a second accepted DELETE without a create in between is caught; 404s and recreations are not', () => {
  assert.deepEqual(deletedTwice([req('DELETE', C, 202), req('PUT', C, 201), req('DELETE', C, 202)]), []);
  assert.deepEqual(deletedTwice([req('DELETE', C, 202), req('DELETE', C, 404), req('DELETE', C, 503)]), []);
  const caught = deletedTwice([req('DELETE', C, 202), req('GET', C, 200), req('DELETE', C.toUpperCase(), 200)]);
  assert.equal(caught.length, 1);
  assert.match(caught[0] ?? '', /deleted again/);
});

test('writesDuring: any write, even a failed one, is reported; reads and Resource Graph queries are not', () => {
  assert.deepEqual(writesDuring([req('GET', C, 200), req('POST', '/providers/Microsoft.ResourceGraph/resources', 200)]), []);
  assert.equal(writesDuring([req('PATCH', '/subscriptions/s/x', 500)]).length, 1);
});

test('role assignments: duplicates by scope + principal + role, and assignments created twice, are caught', () => {
  const ra = (name: string, scope: string, principal: string, role: string): RoleAssignment => ({
    name,
    properties: { scope, principalId: principal, roleDefinitionId: `/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/${role}` },
  });
  assert.deepEqual(duplicateRoleAssignments([ra('a', '/x', 'p1', 'r'), ra('b', '/x', 'p2', 'r'), ra('c', '/y', 'p1', 'r')]), []);
  assert.equal(duplicateRoleAssignments([ra('a', '/x', 'P1', 'R'), ra('b', '/X', 'p1', 'r')]).length, 1);
  assert.deepEqual(roleAssignmentsCreatedTwice([req('PUT', RA, 201), req('PUT', RA, 200), req('PUT', RA, 409)]), []);
  assert.equal(roleAssignmentsCreatedTwice([req('PUT', RA, 201), req('PUT', RA, 201)]).length, 1);
});
