/**
 * Signing keys of an Entra tenant (JWKS), fetched over HTTPS and cached. An unknown `kid` triggers one
 * refresh (keys roll over), but at most once per `minRefreshMs` so forged kids cannot hammer the endpoint.
 */
import type { JsonWebKey } from 'node:crypto';

export interface JwksProvider {
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
}

export function entraJwksUrl(tenantId: string): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/discovery/v2.0/keys`;
}

export class CachedJwksProvider implements JwksProvider {
  private keys = new Map<string, JsonWebKey>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
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
    this.inflight ??= (async () => {
      try {
        const body = await this.options.fetchJson(this.options.url);
        const list = body !== null && typeof body === 'object' ? (body as { keys?: unknown }).keys : undefined;
        const next = new Map<string, JsonWebKey>();
        if (Array.isArray(list)) {
          for (const k of list) {
            if (k !== null && typeof k === 'object' && typeof (k as { kid?: unknown }).kid === 'string' && (k as { kty?: unknown }).kty === 'RSA') {
              next.set((k as { kid: string }).kid, k as JsonWebKey);
            }
          }
        }
        this.keys = next;
        this.fetchedAt = this.now();
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
  if (!res.ok) throw new Error(`JWKS fetch failed with HTTP ${res.status}`);
  return (await res.json()) as unknown;
};
