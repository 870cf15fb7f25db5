import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenRejected, verifyEntraToken } from '../../src/http/entra-auth';
import { CachedJwksProvider, JwksUnavailableError, signingKeysOf } from '../../src/http/jwks';
import { AUDIENCE, NOW, ROLE, TENANT, approverClaims, makeKey, signToken } from './support/tokens';

const key = makeKey('key-1');

test('a failed JWKS fetch is not retried during the back-off (negative cache), then retried', async () => {
  let now = 0;
  let fetches = 0;
  let outage = true;
  const jwks = new CachedJwksProvider({
    url: 'https://login.example/keys',
    fetchJson: async () => {
      fetches += 1;
      if (outage) throw new Error('ECONNRESET');
      return { keys: [key.jwk] };
    },
    now: () => now,
  });
  await assert.rejects(jwks.getKey('key-1'), JwksUnavailableError);
  assert.equal(fetches, 1);
  // Every call during the outage fails fast, without another fetch.
  for (const at of [1, 10_000, 29_999]) {
    now = at;
    await assert.rejects(jwks.getKey('key-1'), JwksUnavailableError);
  }
  assert.equal(fetches, 1);
  outage = false;
  now = 30_001;
  assert.deepEqual(await jwks.getKey('key-1'), key.jwk);
  assert.equal(fetches, 2);
});

test('a JWKS document without a keys array is a failure (backed off), not an empty key set', async () => {
  let fetches = 0;
  const fetchJson = async (): Promise<unknown> => {
    fetches += 1;
    return { error: 'oops' };
  };
  const jwks = new CachedJwksProvider({ url: 'https://login.example/keys', fetchJson, now: () => 0 });
  await assert.rejects(jwks.getKey('key-1'), JwksUnavailableError);
  await assert.rejects(jwks.getKey('key-1'), JwksUnavailableError);
  assert.equal(fetches, 1);
});

test('only RSA signing keys are kept (use "sig" or absent)', () => {
  const { kid: _kid, use: _use, ...bare } = key.jwk as Record<string, unknown>;
  const keys = signingKeysOf({
    keys: [
      { ...key.jwk, kid: 'sig' },
      { ...bare, kid: 'no-use' },
      { ...key.jwk, kid: 'enc', use: 'enc' },
      { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'ec', use: 'sig' },
      { kty: 'RSA', n: 'n', e: 'AQAB' },
      null,
      'junk',
    ],
  });
  assert.deepEqual([...keys.keys()], ['sig', 'no-use']);
});

test('token verification: unreachable keys are a 401; any other key-lookup failure is not hidden as one', async () => {
  const token = signToken(key, approverClaims());
  const base = { tenantId: TENANT, audiences: [AUDIENCE], requiredRole: ROLE, nowSeconds: () => NOW };
  const down = { getKey: async () => Promise.reject(new JwksUnavailableError('down')) };
  await assert.rejects(verifyEntraToken(token, { ...base, jwks: down }), (e: unknown) => e instanceof TokenRejected && e.status === 401 && /could not be retrieved/.test(e.message));
  const buggy = { getKey: async () => Promise.reject(new TypeError('bug')) };
  await assert.rejects(verifyEntraToken(token, { ...base, jwks: buggy }), (e: unknown) => e instanceof TypeError);
});
