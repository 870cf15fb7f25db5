/**
 * Every ARM action the app is granted must be one the ARM client really uses: each ArmOperationName in
 * ARM_ACTIONS is referenced by the client's code (as the quoted operation tag, e.g. 'readWorkspace', outside
 * comments) or is on the allow-list below with a reason. A stale allow-list entry (now referenced) fails too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ARM_ACTIONS, ARM_ACTION_LIST, IMPLIED_ACTIONS, OPERATOR_ONLY_ACTIONS, WORKSPACE_CREATION_ONLY_ACTIONS, type ArmOperationName } from '../../src/arm/actions';
import { DEPLOYER_REQUIRED_ACTIONS } from '../../src/catalog/approver-role';

const CLIENT_DIR = resolve(__dirname, '..', '..', 'src', 'arm', 'client');

/** Operations no client call is tagged with, and why the app still needs their action. */
const NOT_A_CALL: Readonly<Partial<Record<ArmOperationName, string>>> = {
  readOperationStatus:
    'authorizes the GETs that poll ML long-running operations under locations/; the client tags those polls with the operation that started them',
};

/** Removes // and /* *\/ comments outside '...', "..." and `...` literals. */
function stripComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else if (source.startsWith('//', i)) {
      const nl = source.indexOf('\n', i);
      i = nl < 0 ? source.length : nl;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

const clientCode = readdirSync(CLIENT_DIR)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => stripComments(readFileSync(join(CLIENT_DIR, f), 'utf8')))
  .join('\n');

const referenced = (name: string): boolean => clientCode.includes(`'${name}'`) || clientCode.includes(`"${name}"`);

test('every ARM operation is used by the ARM client, or allow-listed with a reason', () => {
  const unused = (Object.keys(ARM_ACTIONS) as ArmOperationName[]).filter((name) => !referenced(name) && NOT_A_CALL[name] === undefined);
  assert.deepEqual(unused, [], `ARM_ACTIONS entries no client code uses (remove them, or allow-list them with a reason): ${unused.join(', ')}`);
});

test('the allow-list is current: each entry exists, is not referenced, and gives a reason', () => {
  for (const [name, reason] of Object.entries(NOT_A_CALL)) {
    assert.ok(name in ARM_ACTIONS, `${name} is allow-listed but not in ARM_ACTIONS`);
    assert.ok(!referenced(name), `${name} is allow-listed but the client uses it: drop it from the allow-list`);
    assert.ok((reason ?? '').length > 20, `${name} needs a reason`);
  }
});

test('the stripper does not count commented-out references', () => {
  assert.equal(stripComments("a // 'x'\nb /* 'y' */ c 'z' \"//w\""), "a \nb  c 'z' \"//w\"");
  // A name the client does not use is reported (the check is not vacuous).
  assert.equal(referenced('readAnyResource'), false);
  assert.equal(referenced('readWorkspace'), true);
});

test('no wildcard read, and the operator-only / workspace-creation / implied lists are consistent', () => {
  assert.ok(!ARM_ACTION_LIST.includes('*/read'), 'the app holds no */read');
  for (const a of ARM_ACTION_LIST) assert.ok(!a.includes('*') || a === ARM_ACTIONS.readOperationStatus, `wildcard action ${a}`);
  assert.deepEqual(OPERATOR_ONLY_ACTIONS, ['Microsoft.Authorization/roleDefinitions/write']);
  for (const a of [...OPERATOR_ONLY_ACTIONS, ...WORKSPACE_CREATION_ONLY_ACTIONS]) assert.ok(ARM_ACTION_LIST.includes(a), a);
  assert.equal(OPERATOR_ONLY_ACTIONS.filter((a) => WORKSPACE_CREATION_ONLY_ACTIONS.includes(a)).length, 0);
  // The deployer actions are the catalog's, not a re-typed copy.
  assert.equal(IMPLIED_ACTIONS, DEPLOYER_REQUIRED_ACTIONS);
  for (const a of IMPLIED_ACTIONS) assert.ok(ARM_ACTION_LIST.includes(a), a);
  assert.ok(!('readPrivateEndpointConnections' in ARM_ACTIONS) && !('writePrivateEndpointConnections' in ARM_ACTIONS) && !('readAnyResource' in ARM_ACTIONS));
});
