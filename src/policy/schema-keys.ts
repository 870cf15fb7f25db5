/** Which keys the schema allows at a path (for "did you mean" on unknown keys). Reads zod's schema definitions. */
import type { z } from 'zod';
import type { PathSegment } from './problems';

type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
  element?: AnySchema;
  options?: readonly AnySchema[];
  discriminator?: string;
  values?: readonly unknown[];
}

function def(s: AnySchema): Def {
  return s._zod.def as unknown as Def;
}

/** Peels optional/default/pipe wrappers; for a discriminated union picks the option matching the value. */
function resolve(s: AnySchema, value: unknown, depth = 0): AnySchema[] {
  if (depth > 10) return [];
  const d = def(s);
  if (d.innerType !== undefined) return resolve(d.innerType, value, depth + 1);
  if (d.type === 'pipe') {
    return [...(d.in ? resolve(d.in, value, depth + 1) : []), ...(d.out ? resolve(d.out, value, depth + 1) : [])];
  }
  if (d.type === 'union' && d.options) {
    const disc = d.discriminator;
    const wanted = disc !== undefined && typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[disc] : undefined;
    return d.options.flatMap((o) => {
      if (disc === undefined) return resolve(o, value, depth + 1);
      const literal = def(o).shape?.[disc];
      return literal !== undefined && def(literal).values?.includes(wanted) ? resolve(o, value, depth + 1) : [];
    });
  }
  return [s];
}

/** The keys an object at `path` may have, or [] if the path does not lead to an object schema. */
export function allowedKeysAt(schema: AnySchema, path: readonly PathSegment[], raw: unknown): string[] {
  let candidates: AnySchema[] = [schema];
  let value: unknown = raw;
  for (const segment of path) {
    const next: AnySchema[] = [];
    for (const c of candidates.flatMap((s) => resolve(s, value))) {
      const d = def(c);
      if (typeof segment === 'number' && d.type === 'array' && d.element) next.push(d.element);
      if (typeof segment === 'string' && d.type === 'object' && d.shape?.[segment]) next.push(d.shape[segment]);
    }
    candidates = next;
    value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  const keys = new Set<string>();
  for (const c of candidates.flatMap((s) => resolve(s, value))) {
    const d = def(c);
    if (d.type === 'object' && d.shape) for (const k of Object.keys(d.shape)) keys.add(k);
  }
  return [...keys];
}
