/**
 * Verifies an Entra ID access token (JWT, RS256) for the approve / reject routes: signature against the
 * tenant's JWKS, issuer (v2 `login.microsoftonline.com/{tenant}/v2.0` or v1 `sts.windows.net/{tenant}/`),
 * audience, expiry / not-before (with a small clock skew) and the approver app role.
 * Anything else in the header (`alg: none`, HS256, ...) is refused before any key is looked up.
 */
import { createPublicKey, verify } from 'node:crypto';
import { JwksUnavailableError, type JwksProvider } from './jwks';

export interface EntraTokenOptions {
  tenantId: string;
  audiences: string[];
  requiredRole: string;
  jwks: JwksProvider;
  /** Seconds since the epoch. */
  nowSeconds?: () => number;
  clockSkewSeconds?: number;
}

export interface EntraIdentity {
  /** Object id of the user or service principal. */
  oid?: string;
  upn?: string;
  /** Client application id (app-only tokens). */
  appid?: string;
  name?: string;
  tenantId: string;
  roles: string[];
}

export class TokenRejected extends Error {
  /** 401: no usable token; 403: a valid token without the approver role. */
  constructor(readonly status: 401 | 403, message: string) {
    super(message);
    this.name = 'TokenRejected';
  }
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 16_384;

function decodeJson(part: string, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new TokenRejected(401, `token ${what} is not valid JSON`);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export async function verifyEntraToken(token: string, options: EntraTokenOptions): Promise<EntraIdentity> {
  if (token.length > MAX_TOKEN_LENGTH) throw new TokenRejected(401, 'token is too long');
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !B64URL.test(p))) throw new TokenRejected(401, 'token is not a signed JWT');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart, 'header');
  if (header['alg'] !== 'RS256') throw new TokenRejected(401, 'token must be signed with RS256');
  const kid = str(header['kid']);
  if (kid === undefined) throw new TokenRejected(401, 'token header has no key id');

  let jwk;
  try {
    jwk = await options.jwks.getKey(kid);
  } catch (error) {
    // Keys unreachable: the token cannot be checked, so it is refused. Any other failure is a bug and propagates.
    if (error instanceof JwksUnavailableError) throw new TokenRejected(401, 'signing keys could not be retrieved');
    throw error;
  }
  if (jwk === undefined) throw new TokenRejected(401, 'token is signed with an unknown key');
  let valid = false;
  try {
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    valid = verify('RSA-SHA256', Buffer.from(`${headerPart}.${payloadPart}`), key, Buffer.from(signaturePart, 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) throw new TokenRejected(401, 'token signature is invalid');

  const claims = decodeJson(payloadPart, 'payload');
  const tenant = options.tenantId.toLowerCase();
  const issuers = [`https://login.microsoftonline.com/${tenant}/v2.0`, `https://sts.windows.net/${tenant}/`];
  const iss = str(claims['iss'])?.toLowerCase();
  if (iss === undefined || !issuers.includes(iss)) throw new TokenRejected(401, 'token issuer is not the configured tenant');
  const tid = str(claims['tid']);
  if (tid !== undefined && tid.toLowerCase() !== tenant) throw new TokenRejected(401, 'token tenant is not the configured tenant');

  const aud = claims['aud'];
  const audiences = Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : typeof aud === 'string' ? [aud] : [];
  if (!audiences.some((a) => options.audiences.includes(a))) throw new TokenRejected(401, 'token audience is not this API');

  const now = (options.nowSeconds ?? (() => Math.floor(Date.now() / 1000)))();
  const skew = options.clockSkewSeconds ?? 300;
  const exp = claims['exp'];
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new TokenRejected(401, 'token has no expiry');
  if (now - skew >= exp) throw new TokenRejected(401, 'token has expired');
  const nbf = claims['nbf'];
  if (nbf !== undefined && (typeof nbf !== 'number' || now + skew < nbf)) throw new TokenRejected(401, 'token is not valid yet');

  const roles = Array.isArray(claims['roles']) ? claims['roles'].filter((r): r is string => typeof r === 'string') : [];
  if (!roles.includes(options.requiredRole)) {
    throw new TokenRejected(403, `token does not carry the app role "${options.requiredRole}"`);
  }
  const identity: EntraIdentity = { tenantId: tenant, roles };
  const oid = str(claims['oid']);
  const upn = str(claims['upn']) ?? str(claims['preferred_username']) ?? str(claims['unique_name']);
  const appid = str(claims['appid']) ?? str(claims['azp']);
  const name = str(claims['name']);
  if (oid !== undefined) identity.oid = oid;
  if (upn !== undefined) identity.upn = upn;
  if (appid !== undefined) identity.appid = appid;
  if (name !== undefined) identity.name = name;
  if (identity.oid === undefined && identity.upn === undefined && identity.appid === undefined) {
    throw new TokenRejected(401, 'token identifies no user or application');
  }
  return identity;
}
