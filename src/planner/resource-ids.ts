/**
 * Parsed resource ids, memoised: the same few targets (from the policy) are looked at for every workspace of a
 * scan. Bounded so a long-running host does not grow without limit.
 */
import { tryParseResourceId, type ParsedResourceId } from '../arm/resource-id';

const MAX_ENTRIES = 10_000;
const cache = new Map<string, ParsedResourceId | null>();

export function parseIdCached(id: string): ParsedResourceId | undefined {
  let parsed = cache.get(id);
  if (parsed === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    parsed = tryParseResourceId(id) ?? null;
    cache.set(id, parsed);
  }
  return parsed ?? undefined;
}
