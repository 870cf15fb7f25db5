/** Runs a parsed query over lazily built rows (top-level columns are cheap; properties are built on demand). */
import type { Condition, FieldRef, ParsedQuery } from './kql';

export interface LazyRow {
  /** Cheap top-level columns: id, name, type, kind, location, resourceGroup, subscriptionId, tenantId, tags. */
  base: Record<string, unknown>;
  /** Full row (adds identity, properties, sku, ...), built once when needed. */
  full: () => Record<string, unknown>;
}

class Row {
  private cache: Record<string, unknown> | undefined;
  constructor(readonly src: LazyRow) {}

  get(path: readonly string[]): unknown {
    const head = path[0] as string;
    let cur: unknown = head in this.src.base ? this.src.base[head] : this.load()[head];
    for (const p of path.slice(1)) {
      if (typeof cur !== 'object' || cur === null) return undefined;
      cur = (cur as Record<string, unknown>)[p];
    }
    return cur;
  }

  load(): Record<string, unknown> {
    this.cache ??= this.src.full();
    return this.cache;
  }
}

function value(row: Row, f: FieldRef): unknown {
  const v = row.get(f.path);
  if (f.fn === 'tolower') return typeof v === 'string' ? v.toLowerCase() : v === undefined || v === null ? '' : String(v).toLowerCase();
  if (f.fn === 'tostring') return typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);
  return v;
}

function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function test(row: Row, c: Condition): boolean {
  const text = asText(value(row, c.field));
  if (c.kind === 'compare') {
    const insensitive = c.op === '=~' || c.op === '!~';
    const eq = text !== undefined && (insensitive ? text.toLowerCase() === c.value.toLowerCase() : text === c.value);
    return c.op === '==' || c.op === '=~' ? eq : !eq;
  }
  const insensitive = c.op.endsWith('~');
  const hit = text !== undefined && c.values.some((v) => (insensitive ? v.toLowerCase() === text.toLowerCase() : v === text));
  return c.op.startsWith('!') ? !hit : hit;
}

function compare(a: unknown, b: unknown): number {
  const x = asText(a);
  const y = asText(b);
  if (x === y) return 0;
  if (x === undefined) return -1;
  if (y === undefined) return 1;
  return x < y ? -1 : 1;
}

export interface QueryResult {
  /** All rows after where/order/limit, before projection. */
  rows: Row[];
  /** Projects one row. */
  project: (row: Row) => Record<string, unknown>;
  columns: string[] | undefined;
}

export function runQuery(query: ParsedQuery, sources: Iterable<LazyRow>): QueryResult {
  let rows: Row[] = [...sources].map((s) => new Row(s));
  let columns: { name: string; field: FieldRef }[] | undefined;
  for (const stage of query.stages) {
    switch (stage.kind) {
      case 'where':
        if (columns !== undefined) {
          // After a project, where may only use projected names: map them back.
          const cols = columns;
          rows = rows.filter((r) => stage.conditions.every((c) => test(r, remap(c, cols))));
        } else {
          rows = rows.filter((r) => stage.conditions.every((c) => test(r, c)));
        }
        break;
      case 'project':
        columns = stage.columns;
        break;
      case 'order': {
        const cols = columns;
        const keys = stage.keys.map((k) => ({ ...k, field: cols === undefined ? k.field : remapField(k.field, cols) }));
        rows.sort((a, b) => {
          for (const k of keys) {
            const c = compare(value(a, k.field), value(b, k.field));
            if (c !== 0) return k.desc ? -c : c;
          }
          return 0;
        });
        break;
      }
      case 'limit':
        rows = rows.slice(0, stage.count);
        break;
    }
  }
  const finalColumns = columns;
  return {
    rows,
    columns: finalColumns?.map((c) => c.name),
    project: (row) => {
      if (finalColumns === undefined) return { ...row.load(), ...row.src.base };
      const out: Record<string, unknown> = {};
      for (const c of finalColumns) out[c.name] = value(row, c.field) ?? null;
      return out;
    },
  };
}

function remapField(f: FieldRef, columns: { name: string; field: FieldRef }[]): FieldRef {
  const col = columns.find((c) => c.name === f.path[0]);
  if (col === undefined) return f;
  const path = [...col.field.path, ...f.path.slice(1)];
  const fn = f.fn ?? col.field.fn;
  return fn === undefined ? { path } : { path, fn };
}

function remap(c: Condition, columns: { name: string; field: FieldRef }[]): Condition {
  return { ...c, field: remapField(c.field, columns) };
}
