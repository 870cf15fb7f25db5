/** Human-readable problem paths: `managed_network.outbound_rules[2] (name: pypi).destination`. */
import type { PathSegment } from './problems';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads the value at a path of the raw (unvalidated) input; undefined when it is not there. */
export function valueAt(raw: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = raw;
  for (const s of path) {
    if (Array.isArray(v) && typeof s === 'number') v = v[s];
    else if (isRecord(v) && typeof s === 'string' && Object.prototype.hasOwnProperty.call(v, s)) v = v[s];
    else return undefined;
  }
  return v;
}

/** Array items that carry a string `name` (outbound rules) are labelled with it so the reader finds them. */
export function formatPath(path: readonly PathSegment[], raw: unknown): string {
  let out = '';
  let v: unknown = raw;
  for (const s of path) {
    if (typeof s === 'number') {
      out += `[${s}]`;
      v = Array.isArray(v) ? v[s] : undefined;
      const name = isRecord(v) ? v.name : undefined;
      if (typeof name === 'string' && name !== '') out += ` (name: ${name})`;
    } else {
      out += out === '' ? s : `.${s}`;
      v = isRecord(v) ? v[s] : undefined;
    }
  }
  return out;
}
