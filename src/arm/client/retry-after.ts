/**
 * How long the service asked us to wait. ARM sends `Retry-After` (seconds or an HTTP date); some services send
 * `x-ms-retry-after-ms` / `retry-after-ms` in milliseconds, which are more precise and win when present.
 */
import type { Now } from './clock';

type HeaderGetter = (name: string) => string | undefined;

export function retryAfterMs(get: HeaderGetter, now: Now): number | undefined {
  for (const name of ['x-ms-retry-after-ms', 'retry-after-ms']) {
    const ms = parseNonNegativeNumber(get(name));
    if (ms !== undefined) return ms;
  }
  const raw = get('retry-after')?.trim();
  if (raw === undefined || raw === '') return undefined;
  const seconds = parseNonNegativeNumber(raw);
  if (seconds !== undefined) return seconds * 1000;
  const date = Date.parse(raw);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now());
}

function parseNonNegativeNumber(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(raw)) return undefined;
  return Number(raw);
}
