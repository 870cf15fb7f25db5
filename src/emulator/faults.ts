/**
 * Fault injection, per route and per test, at runtime. A fault matches on method and path (a RegExp tested
 * against the path, then against path+query; or a case-insensitive substring of path+query); `times` limits how often it fires and
 * `probability` draws from a seeded PRNG so that runs are reproducible.
 * Status, reset and latency faults act on the request itself; lroFail / lroNeverFinish act on the next matching
 * request that starts a long-running operation.
 */
import { seededRandom, type Random } from './prng';

export type Fault =
  | { kind: 'status'; status: number; code?: string; message?: string; retryAfterSeconds?: number }
  | { kind: 'reset' }
  | { kind: 'latency'; ms: number }
  | { kind: 'lroFail'; code: string; message: string }
  | { kind: 'lroNeverFinish' };

export interface FaultSpec {
  method?: string;
  path: RegExp | string;
  times?: number;
  probability?: number;
  fault: Fault;
}

export interface ActiveFault {
  id: number;
  spec: FaultSpec;
  /** How many times it fired. */
  fired: number;
}

export type LroFault = Extract<Fault, { kind: 'lroFail' | 'lroNeverFinish' }>;
export type RequestFault = Exclude<Fault, LroFault>;

const LRO_KINDS = new Set(['lroFail', 'lroNeverFinish']);

export class FaultInjector {
  private readonly active: ActiveFault[] = [];
  private nextId = 1;
  private random: Random;

  constructor(seed = 1) {
    this.random = seededRandom(seed);
  }

  /** Adds a fault; returns its id (for remove). */
  add(spec: FaultSpec): number {
    validateSpec(spec);
    const id = this.nextId++;
    this.active.push({ id, spec, fired: 0 });
    return id;
  }

  remove(id: number): boolean {
    const i = this.active.findIndex((f) => f.id === id);
    if (i < 0) return false;
    this.active.splice(i, 1);
    return true;
  }

  clear(): void {
    this.active.length = 0;
  }

  list(): ActiveFault[] {
    return this.active.map((f) => ({ ...f }));
  }

  reseed(seed: number): void {
    this.random = seededRandom(seed);
  }

  /** The request-level fault to apply now (consumed), if any. */
  takeRequestFault(method: string, url: string): RequestFault | undefined {
    const f = this.take(method, url, false);
    return f as RequestFault | undefined;
  }

  /** The LRO fault for an operation being started by this request (consumed), if any. */
  takeLroFault(method: string, url: string): LroFault | undefined {
    const f = this.take(method, url, true);
    return f as LroFault | undefined;
  }

  private take(method: string, url: string, lro: boolean): Fault | undefined {
    for (let i = 0; i < this.active.length; i++) {
      const entry = this.active[i];
      if (entry === undefined) continue;
      const { spec } = entry;
      if (LRO_KINDS.has(spec.fault.kind) !== lro) continue;
      if (spec.method !== undefined && spec.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!pathMatches(spec.path, url)) continue;
      if (spec.probability !== undefined && this.random() >= spec.probability) continue;
      entry.fired += 1;
      if (spec.times !== undefined && entry.fired >= spec.times) this.active.splice(i, 1);
      return spec.fault;
    }
    return undefined;
  }
}

/** A RegExp may match the path alone (so `$` anchors work) or the path with its query string. */
function pathMatches(pattern: RegExp | string, url: string): boolean {
  if (typeof pattern === 'string') return url.toLowerCase().includes(pattern.toLowerCase());
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  pattern.lastIndex = 0;
  if (pattern.test(path)) return true;
  pattern.lastIndex = 0;
  return pattern.test(url);
}

function validateSpec(spec: FaultSpec): void {
  if (typeof spec.path !== 'string' && !(spec.path instanceof RegExp)) throw new TypeError('fault path must be a string or RegExp');
  if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < 1)) throw new RangeError('times must be a positive integer');
  if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) throw new RangeError('probability must be within [0, 1]');
  const f = spec.fault;
  switch (f.kind) {
    case 'status':
      if (!Number.isInteger(f.status) || f.status < 400 || f.status > 599) throw new RangeError('status fault needs a 4xx/5xx status');
      return;
    case 'latency':
      if (!(f.ms >= 0)) throw new RangeError('latency needs ms >= 0');
      return;
    case 'lroFail':
      if (typeof f.code !== 'string' || typeof f.message !== 'string') throw new TypeError('lroFail needs code and message');
      return;
    case 'reset':
    case 'lroNeverFinish':
      return;
    default:
      throw new TypeError(`unknown fault kind ${(f as { kind: string }).kind}`);
  }
}

/** Builds a FaultSpec from admin-route JSON (path may be given as `pathRegex` source). */
export function faultSpecFromJson(value: unknown): FaultSpec {
  if (typeof value !== 'object' || value === null) throw new TypeError('fault spec must be an object');
  const v = value as Record<string, unknown>;
  let path: RegExp | string;
  if (typeof v.pathRegex === 'string') path = new RegExp(v.pathRegex, typeof v.flags === 'string' ? v.flags : '');
  else if (typeof v.path === 'string') path = v.path;
  else throw new TypeError('fault spec needs path (substring) or pathRegex');
  const spec: FaultSpec = { path, fault: v.fault as Fault };
  if (typeof v.method === 'string') spec.method = v.method;
  if (typeof v.times === 'number') spec.times = v.times;
  if (typeof v.probability === 'number') spec.probability = v.probability;
  validateSpec(spec);
  return spec;
}
