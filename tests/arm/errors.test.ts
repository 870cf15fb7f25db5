import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArmError, describeResource, notFoundAsUndefined, parseErrorBody } from '../../src/arm/client/errors';
import { workspaceNetworkPatchBody } from '../../src/arm/client/workspace-patch';
import type { WorkspaceNetworkPatch } from '../../src/arm/types';

const WS = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1';

test('userMessage names the method, resource, code, message and request in one line', () => {
  const e = new ArmError({
    status: 400,
    code: 'ValidationError',
    message: 'Managed network cannot be disabled once enabled.',
    operation: 'writeWorkspace',
    resourceId: WS,
    method: 'PATCH',
    requestId: '1234',
  });
  assert.equal(e.userMessage(), 'PATCH workspace ws1 failed: ValidationError — Managed network cannot be disabled once enabled. (request 1234)');
  assert.equal(e.isRetryable, false);
  assert.equal(e.isNotFound, false);
  assert.equal(e instanceof Error, true);
  assert.equal(JSON.parse(JSON.stringify(e)).code, 'ValidationError');
  assert.deepEqual(ArmError.fromDetails(e.toDetails()).toDetails(), e.toDetails());
});

test('status helpers', () => {
  const make = (status: number, code = 'X') => new ArmError({ status, code, message: 'm', operation: 'readWorkspace' });
  assert.equal(make(429).isRetryable, true);
  assert.equal(make(503).isRetryable, true);
  assert.equal(make(0, 'ConnectionFailed').isRetryable, true);
  assert.equal(make(404).isNotFound, true);
  assert.equal(make(409).isConflict, true);
  assert.equal(make(412).isPreconditionFailed, true);
});

test('notFoundAsUndefined turns only 404 into undefined', async () => {
  const nf = new ArmError({ status: 404, code: 'ResourceNotFound', message: 'gone', operation: 'readComputes' });
  assert.equal(await notFoundAsUndefined(Promise.reject(nf)), undefined);
  const other = new ArmError({ status: 403, code: 'AuthorizationFailed', message: 'no', operation: 'readComputes' });
  await assert.rejects(notFoundAsUndefined(Promise.reject(other)), other);
  assert.equal(await notFoundAsUndefined(Promise.resolve(3)), 3);
});

test('resource descriptions and error bodies', () => {
  assert.equal(describeResource(`${WS}/computes/ci-1`), 'compute ci-1');
  assert.equal(describeResource(`${WS}/outboundRules/pypi`), 'outbound rule pypi');
  assert.equal(describeResource(`${WS}/providers/Microsoft.Authorization/roleAssignments/abc`), 'role assignment abc');
  assert.deepEqual(parseErrorBody({ error: { code: 'C', message: 'M', target: 'T' } }), { code: 'C', message: 'M', target: 'T' });
  assert.deepEqual(parseErrorBody({ code: 'C', message: 'M' }), { code: 'C', message: 'M' });
  assert.deepEqual(parseErrorBody('oops'), {});
});

test('the network PATCH body carries only managed-network fields', () => {
  const sneaky = {
    properties: {
      managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound', outboundRules: { x: {} } },
      publicNetworkAccess: 'Disabled',
      imageBuildCompute: '',
      storageAccount: 'evil',
    },
    tags: { a: 'b' },
  } as unknown as WorkspaceNetworkPatch;
  assert.deepEqual(workspaceNetworkPatchBody(sneaky), {
    properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' }, publicNetworkAccess: 'Disabled', imageBuildCompute: '' },
  });
});
