/**
 * Small, dependency-free checks for request bodies. Each check records a problem and carries on, so a caller
 * gets every problem in one answer instead of fixing them one round-trip at a time.
 */
import type { FieldProblem } from './service-error';

/** Control characters would let a caller forge log lines or hide text; never legitimate in these fields. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f\u2028\u2029]/;

export interface StringRule {
  required?: boolean;
  maxLength: number;
  minLength?: number;
  pattern?: RegExp;
  /** Says what the pattern expects, e.g. "letters, digits, '-', '_', '.' or ':'". */
  patternHint?: string;
  /** Rule id reported when the pattern fails. */
  patternRule?: string;
  /** Newlines and tabs allowed (free text such as comments). */
  multiline?: boolean;
}

export class FieldChecker {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly body: Record<string, unknown>, private readonly prefix = '') {}

  pathOf(name: string): string {
    return this.path(name);
  }

  private path(name: string): string {
    return this.prefix === '' ? name : `${this.prefix}.${name}`;
  }

  add(path: string, message: string, rule?: string): void {
    this.problems.push(rule === undefined ? { path, message } : { path, message, rule });
  }

  /** Unknown members are refused: a typo (`dryrun`) must not silently mean the default. */
  onlyKnown(allowed: readonly string[]): void {
    for (const key of Object.keys(this.body)) {
      if (!allowed.includes(key)) {
        this.add(this.path(key), `unknown field; allowed: ${allowed.join(', ')}`, 'unknown-field');
      }
    }
  }

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.body, name) && this.body[name] !== undefined && this.body[name] !== null;
  }

  raw(name: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.body, name) ? this.body[name] : undefined;
  }

  string(name: string, rule: StringRule): string | undefined {
    const path = this.path(name);
    if (!this.has(name)) {
      if (rule.required) this.add(path, 'is required', 'required');
      return undefined;
    }
    const value = this.body[name];
    if (typeof value !== 'string') {
      this.add(path, `must be a string (got ${describeType(value)})`, 'type');
      return undefined;
    }
    const min = rule.minLength ?? (rule.required ? 1 : 0);
    if (value.trim().length < min) {
      this.add(path, min <= 1 ? 'must not be empty' : `must be at least ${min} characters`, 'length');
      return undefined;
    }
    if (value.length > rule.maxLength) {
      this.add(path, `must be at most ${rule.maxLength} characters (got ${value.length})`, 'max-length');
      return undefined;
    }
    if ((rule.multiline ? CONTROL : CONTROL_OR_NEWLINE).test(value)) {
      this.add(path, 'must not contain control characters', 'control-characters');
      return undefined;
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      this.add(path, `has an invalid format${rule.patternHint ? `: expected ${rule.patternHint}` : ''}`, rule.patternRule ?? 'format');
      return undefined;
    }
    return value;
  }

  boolean(name: string, defaultValue: boolean): boolean {
    if (!this.has(name)) return defaultValue;
    const value = this.body[name];
    if (typeof value !== 'boolean') {
      this.add(this.path(name), `must be true or false (got ${describeType(value)})`, 'type');
      return defaultValue;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], required: boolean): T | undefined {
    const value = this.string(name, { required, maxLength: 64 });
    if (value === undefined) return undefined;
    const match = allowed.find((a) => a === value);
    if (match === undefined) this.add(this.path(name), `must be one of: ${allowed.join(', ')}`, 'enum');
    return match;
  }

  object(name: string, required: boolean): Record<string, unknown> | undefined {
    if (!this.has(name)) {
      if (required) this.add(this.path(name), 'is required', 'required');
      return undefined;
    }
    const value = this.body[name];
    if (!isPlainObject(value)) {
      this.add(this.path(name), `must be an object (got ${describeType(value)})`, 'type');
      return undefined;
    }
    return value;
  }

  child(name: string, value: Record<string, unknown>): FieldChecker {
    return new FieldChecker(value, this.path(name));
  }

  /** Merges a nested checker's problems into this one. */
  absorb(other: FieldChecker): void {
    this.problems.push(...other.problems);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
