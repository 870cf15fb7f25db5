/**
 * Signing keys of an Entra tenant (JWKS), fetched over HTTPS and cached. An unknown `kid` triggers one
 * refresh (keys roll over), but at most once per `minRefreshMs` so forged kids cannot hammer the endpoint.
 * A failed fetch is remembered for `failureBackoffMs` (negative cache): during an Entra outage callers get
 * JwksUnavailableError at once instead of one more fetch per request. Only RSA signing keys are kept.
 */
import type { JsonWebKey } from 'node:crypto';

export interface JwksProvider {
  /** Undefined for an unknown kid; throws JwksUnavailableError when the keys cannot be had. */
  getKey(kid: string): Promise<JsonWebKey | undefined>;
}

export type JsonFetcher = (url: string) => Promise<unknown>;

export interface CachedJwksOptions {
  url: string;
  fetchJson: JsonFetcher;
  now?: () => number;
  /** How long fetched keys are trusted. Default 12 h. */
  ttlMs?: number;
  /** Minimum gap between refreshes caused by unknown kids. Default 5 min. */
  minRefreshMs?: number;
  /** After a failed fetch, no new fetch for this long. Default 30 s. */
  failureBackoffMs?: number;
}

/** The signing keys could not be fetched (now, or within the back-off after a failure). */
export class JwksUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JwksUnavailableError';
  }
}

export function entraJwksUrl(tenantId: string): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/discovery/v2.0/keys`;
}

/** RSA keys meant for signatures (`use: sig`, or no `use`), with a kid; encryption keys and others are dropped. */
export function signingKeysOf(body: unknown): Map<string, JsonWebKey> {
  const list = body !== null && typeof body === 'object' ? (body as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(list)) throw new JwksUnavailableError('the JWKS document has no "keys" array');
  const keys = new Map<string, JsonWebKey>();
  for (const k of list as unknown[]) {
    if (k === null || typeof k !== 'object') continue;
    const { kid, kty, use } = k as { kid?: unknown; kty?: unknown; use?: unknown };
    if (typeof kid === 'string' && kty === 'RSA' && (use === undefined || use === 'sig')) keys.set(kid, k as JsonWebKey);
  }
  return keys;
}

export class CachedJwksProvider implements JwksProvider {
  private keys = new Map<string, JsonWebKey>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private failedAt = Number.NEGATIVE_INFINITY;
  private lastFailure: unknown;
  private inflight: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: CachedJwksOptions) {
    this.now = options.now ?? Date.now;
  }

  async getKey(kid: string): Promise<JsonWebKey | undefined> {
    const age = this.now() - this.fetchedAt;
    if (age > (this.options.ttlMs ?? 12 * 3600_000)) await this.refresh();
    else if (!this.keys.has(kid) && age > (this.options.minRefreshMs ?? 5 * 60_000)) await this.refresh();
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    if (this.inflight !== undefined) return this.inflight;
    if (this.now() - this.failedAt < (this.options.failureBackoffMs ?? 30_000)) {
      return Promise.reject(new JwksUnavailableError('signing keys unavailable (the last fetch failed; retrying after a back-off)', { cause: this.lastFailure }));
    }
    this.inflight = (async () => {
      try {
        this.keys = signingKeysOf(await this.options.fetchJson(this.options.url));
        this.fetchedAt = this.now();
        this.failedAt = Number.NEGATIVE_INFINITY;
      } catch (error) {
        this.failedAt = this.now();
        this.lastFailure = error;
        throw error instanceof JwksUnavailableError ? error : new JwksUnavailableError('signing keys could not be fetched', { cause: error });
      } finally {
        this.inflight = undefined;
      }
    })();
    return this.inflight;
  }
}

/** Default fetcher: HTTPS GET of a JSON document with a short timeout. */
export const fetchJsonOverHttps: JsonFetcher = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000), headers: { accept: 'application/json' } });
  if (!res.ok) throw new JwksUnavailableError(`JWKS fetch failed with HTTP ${res.status}`);
  return (await res.json()) as unknown;
};
