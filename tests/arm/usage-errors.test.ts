import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArmClientUsageError, createArmClient, USAGE_ERROR_CODES, type ArmClientUsageErrorCode } from '../../src/arm/client';
import { roleDefinitionGuid, uuidV5 } from '../../src/arm/client/role-names';
import { childId, requireId } from '../../src/arm/client/urls';
import { StaticTokenCredential } from '../../src/arm/credentials';

const SUB = '00000000-0000-0000-0000-000000000001';
const WS = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1`;

/** Narrow-catch predicate: the error is the typed usage error with exactly this code. */
function usage(code: ArmClientUsageErrorCode) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof ArmClientUsageError, `expected ArmClientUsageError, got ${String(e)}`);
    assert.equal(e.code, code);
    return true;
  };
}

test('urls: an id of another type and an unusable child name are typed usage errors', () => {
  assert.throws(() => requireId(WS, 'Microsoft.KeyVault/vaults'), usage(USAGE_ERROR_CODES.wrongResourceType));
  assert.throws(() => childId(WS, 'outboundRules', 'a/b'), usage(USAGE_ERROR_CODES.invalidName));
  assert.throws(() => childId(WS, 'outboundRules', ' '), usage(USAGE_ERROR_CODES.invalidName));
});

test('role names: a bad namespace or role definition is a typed usage error', () => {
  assert.throws(() => uuidV5('x', 'not-a-guid'), usage(USAGE_ERROR_CODES.invalidNamespace));
  assert.throws(() => roleDefinitionGuid('Reader'), usage(USAGE_ERROR_CODES.invalidRoleDefinition));
});

test('client: unknown api-version and bad options are typed usage errors, refused before any request', async () => {
  let requests = 0;
  const client = createArmClient({
    endpoint: 'https://127.0.0.1:9',
    credential: new StaticTokenCredential(),
    sleep: async () => undefined,
    onRequest: () => {
      requests += 1;
    },
  });
  try {
    await assert.rejects(client.getResource(`/subscriptions/${SUB}/resourceGroups/rg/providers/Contoso.Widgets/widgets/w1`), usage(USAGE_ERROR_CODES.apiVersionUnknown));
    await assert.rejects(client.getDependency('keyVault', WS), usage(USAGE_ERROR_CODES.wrongResourceType));
    assert.equal(requests, 0);
  } finally {
    client.close();
  }
  assert.throws(() => createArmClient({ endpoint: 'http://127.0.0.1:9', credential: new StaticTokenCredential() }), usage(USAGE_ERROR_CODES.invalidOption));
  assert.throws(() => createArmClient({ endpoint: 'https://127.0.0.1:9', credential: new StaticTokenCredential(), maxRetries: 1.5 }), usage(USAGE_ERROR_CODES.invalidOption));
  assert.throws(() => new StaticTokenCredential(' '), usage(USAGE_ERROR_CODES.invalidOption));
});
