import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenRejected, verifyEntraToken, type EntraTokenOptions } from '../../src/http/entra-auth';
import { CachedJwksProvider } from '../../src/http/jwks';
import { AUDIENCE, NOW, ROLE, TENANT, approverClaims, makeKey, signToken, staticJwks } from './support/tokens';

const key = makeKey('key-1');
const otherKey = makeKey('key-2');

function options(overrides: Partial<EntraTokenOptions> = {}): EntraTokenOptions {
  return { tenantId: TENANT, audiences: [AUDIENCE], requiredRole: ROLE, jwks: staticJwks([key]), nowSeconds: () => NOW, ...overrides };
}

async function rejected(token: string, status: 401 | 403, message: RegExp, opts = options()): Promise<void> {
  await assert.rejects(verifyEntraToken(token, opts), (e: unknown) => e instanceof TokenRejected && e.status === status && message.test(e.message));
}

test('a valid v2 token is accepted and yields the identity', async () => {
  const identity = await verifyEntraToken(signToken(key, approverClaims()), options());
  assert.equal(identity.oid, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
  assert.equal(identity.upn, 'erin@contoso.com');
  assert.deepEqual(identity.roles, [ROLE]);
});

test('a valid v1 token (sts.windows.net issuer, appid) is accepted', async () => {
  const claims = approverClaims({ iss: `https://sts.windows.net/${TENANT}/`, appid: 'cccccccc-0000-4000-8000-000000000001', preferred_username: undefined, upn: 'frank@contoso.com' });
  const identity = await verifyEntraToken(signToken(key, claims), options());
  assert.equal(identity.upn, 'frank@contoso.com');
  assert.equal(identity.appid, 'cccccccc-0000-4000-8000-000000000001');
});

test('audience lists: any configured audience matches, array aud claims too', async () => {
  const opts = options({ audiences: ['other', AUDIENCE] });
  await verifyEntraToken(signToken(key, approverClaims({ aud: ['x', AUDIENCE] })), opts);
});

test('wrong audience is 401', () => rejected(signToken(key, approverClaims({ aud: 'api://someone-else' })), 401, /audience/));
test('expired token is 401', () => rejected(signToken(key, approverClaims({ exp: NOW - 301 })), 401, /expired/));
test('expiry within the clock skew is tolerated', async () => {
  await verifyEntraToken(signToken(key, approverClaims({ exp: NOW - 60 })), options());
});
test('token without exp is 401', () => rejected(signToken(key, approverClaims({ exp: undefined })), 401, /expiry/));
test('not-yet-valid token is 401', () => rejected(signToken(key, approverClaims({ nbf: NOW + 3600 })), 401, /not valid yet/));
test('missing role is 403', () => rejected(signToken(key, approverClaims({ roles: ['Mnet.Reader'] })), 403, /app role/));
test('no roles claim is 403', () => rejected(signToken(key, approverClaims({ roles: undefined })), 403, /app role/));
test('bad signature (signed by another key under our kid) is 401', async () => {
  const forged = signToken({ ...otherKey, kid: 'key-1' }, approverClaims());
  await rejected(forged, 401, /signature/);
});
test('tampered payload is 401', async () => {
  const [h, , s] = signToken(key, approverClaims()).split('.');
  const payload = Buffer.from(JSON.stringify(approverClaims({ roles: [ROLE, 'Admin'] }))).toString('base64url');
  await rejected(`${h}.${payload}.${s}`, 401, /signature/);
});
test('unknown kid is 401', () => rejected(signToken(otherKey, approverClaims()), 401, /unknown key/));
test('alg none and HS256 are refused before any key lookup', async () => {
  const jwks = staticJwks([key]);
  const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'key-1' })).toString('base64url')}.${Buffer.from(JSON.stringify(approverClaims())).toString('base64url')}.`;
  await rejected(none, 401, /signed JWT|RS256/, options({ jwks }));
  await rejected(signToken(key, approverClaims(), { alg: 'HS256' }), 401, /RS256/, options({ jwks }));
  assert.equal(jwks.calls, 0);
});
test('another tenant (issuer or tid) is 401', async () => {
  const other = '99999999-2222-4333-8444-555555555555';
  await rejected(signToken(key, approverClaims({ iss: `https://login.microsoftonline.com/${other}/v2.0` })), 401, /issuer/);
  await rejected(signToken(key, approverClaims({ tid: other })), 401, /tenant/);
});
test('garbage is 401', async () => {
  for (const t of ['', 'abc', 'a.b', 'a.b.c.d', '!!.??.**', 'x'.repeat(20000)]) await rejected(t, 401, /./);
});

test('the JWKS is cached, refreshed on an unknown kid at most every few minutes', async () => {
  let now = 0;
  let fetches = 0;
  let published = [key.jwk];
  const jwks = new CachedJwksProvider({
    url: 'https://login.example/keys',
    fetchJson: async () => {
      fetches += 1;
      return { keys: published };
    },
    now: () => now,
    minRefreshMs: 300_000,
    ttlMs: 3_600_000,
  });
  assert.deepEqual(await jwks.getKey('key-1'), key.jwk);
  assert.deepEqual(await jwks.getKey('key-1'), key.jwk);
  assert.equal(fetches, 1);
  // Key rollover: an unknown kid refreshes, but not more than once per 5 minutes.
  published = [key.jwk, otherKey.jwk];
  assert.equal(await jwks.getKey('key-2'), undefined);
  assert.equal(fetches, 1);
  now = 300_001;
  assert.deepEqual(await jwks.getKey('key-2'), otherKey.jwk);
  assert.equal(fetches, 2);
  assert.equal(await jwks.getKey('forged'), undefined);
  assert.equal(fetches, 2);
  now = 300_001 + 3_600_001;
  await jwks.getKey('key-1');
  assert.equal(fetches, 3);
});
