/** Test tokens: an RSA key pair made here, JWTs signed with node:crypto. */
import { generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JwksProvider } from '../../../src/http/jwks';

export const TENANT = '11111111-2222-4333-8444-555555555555';
export const AUDIENCE = 'api://mnet-autopilot';
export const ROLE = 'Mnet.Approver';
export const NOW = 1_750_000_000;

export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  jwk: JsonWebKey;
}

export function makeKey(kid: string): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' } };
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signToken(key: TestKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const h = b64({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header });
  const p = b64(claims);
  const signature = sign('RSA-SHA256', Buffer.from(`${h}.${p}`), key.privateKey).toString('base64url');
  return `${h}.${p}.${signature}`;
}

export function approverClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    aud: AUDIENCE,
    tid: TENANT,
    iat: NOW - 60,
    nbf: NOW - 60,
    exp: NOW + 3600,
    oid: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    preferred_username: 'erin@contoso.com',
    roles: [ROLE],
    ...overrides,
  };
}

export function staticJwks(keys: TestKey[]): JwksProvider & { calls: number } {
  const provider = {
    calls: 0,
    async getKey(kid: string) {
      provider.calls += 1;
      return keys.find((k) => k.kid === kid)?.jwk;
    },
  };
  return provider;
}
