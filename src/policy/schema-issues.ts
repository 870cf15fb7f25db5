/** Turns zod issues into policy problems with stable rule ids and messages a policy author can act on. */
import type { z } from 'zod';
import { ISOLATION_MODES } from '../catalog/isolation-modes';
import { FIREWALL_SKUS, RULE_TYPES } from '../catalog/outbound-rules';
import { valueAt } from './paths';
import { ProblemSink, type PathSegment } from './problems';
import { PolicySchema } from './schema';
import { allowedKeysAt } from './schema-keys';
import { didYouMean } from './suggest';

function describe(v: unknown): string {
  if (v === null) return 'null (an empty value)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string "${v}"`;
  return `${typeof v} ${String(v)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  record: 'a mapping',
};

function hasPath(raw: unknown, path: readonly PathSegment[]): boolean {
  if (path.length === 0) return true;
  const parent = valueAt(raw, path.slice(0, -1));
  const last = path[path.length - 1] as PathSegment;
  if (Array.isArray(parent)) return typeof last === 'number' && last < parent.length;
  return typeof parent === 'object' && parent !== null && Object.prototype.hasOwnProperty.call(parent, last);
}

/** Rule ids and extra advice for values that have a dedicated rule (facts page), by path pattern. */
function valueRule(path: readonly PathSegment[], value: unknown): { rule: string; hint: string } {
  const pattern = path.map((s) => (typeof s === 'number' ? '[]' : s)).join('.');
  const text = typeof value === 'string' ? value : '';
  if (pattern === 'managed_network.isolation_mode') {
    const arm = Object.entries(ISOLATION_MODES).find(([, a]) => a.toLowerCase() === text.toLowerCase());
    return { rule: 'isolation-mode', hint: arm ? ` ("${arm[1]}" is the ARM spelling; policies use the az ml name "${arm[0]}")` : '' };
  }
  if (pattern === 'managed_network.firewall_sku') {
    const premium = text.toLowerCase() === 'premium';
    return {
      rule: 'firewall-sku',
      hint: premium ? ' (Premium is not supported by the managed network, so URL filtering is not available)' : '',
    };
  }
  if (pattern === 'managed_network.outbound_rules.[].type') {
    const arm = Object.entries(RULE_TYPES).find(([, a]) => a.toLowerCase() === text.toLowerCase());
    return { rule: 'rule-type', hint: arm ? ` ("${arm[1]}" is the ARM spelling; policies use the az ml name "${arm[0]}")` : '' };
  }
  return { rule: 'invalid-value', hint: '' };
}

/** Firewall SKU values named in messages come from the catalog. */
const FIREWALL_SKU_NAMES = Object.keys(FIREWALL_SKUS);

function allowedValues(issue: z.core.$ZodIssue, path: readonly PathSegment[]): string[] {
  if (issue.code === 'invalid_value') return issue.values.map((v) => String(v));
  const last = path[path.length - 1];
  if (last === 'type') return Object.keys(RULE_TYPES);
  if (last === 'firewall_sku') return FIREWALL_SKU_NAMES;
  return [];
}

function sizeMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return issue.message;
  const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const word = issue.code === 'too_small' ? 'at least' : 'at most';
  if (issue.origin === 'array') return `must list ${word} ${bound} item${bound === '1' ? '' : 's'}`;
  if (issue.origin === 'string') return bound === '1' && word === 'at least' ? 'must not be empty' : `must be ${word} ${bound} characters long`;
  return `must be ${word} ${bound}`;
}

export function reportSchemaIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, sink: ProblemSink): void {
  for (const issue of issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = allowedKeysAt(PolicySchema, path, raw);
      for (const key of issue.keys) {
        const where = path.length === 0 ? 'at the top level' : 'here';
        sink.error([...path, key], 'unknown-key', `unknown key "${key}" ${where}${didYouMean(key, known)}`, { atKey: true });
      }
      continue;
    }
    const value = valueAt(raw, path);
    if (!hasPath(raw, path)) {
      sink.error(path, 'required-key', `"${String(path[path.length - 1] ?? 'policy')}" is required`);
      continue;
    }
    if (issue.code === 'invalid_value' || (issue.code === 'invalid_union' && issue.discriminator !== undefined)) {
      const values = allowedValues(issue, path);
      const { rule, hint } = valueRule(path, value);
      const typo = typeof value === 'string' && hint === '' ? didYouMean(value, values) : '';
      sink.error(path, rule, `${describe(value)} is not allowed: use one of ${values.join(', ')}${hint}${typo}`);
      continue;
    }
    if (issue.code === 'invalid_type') {
      const expected = issue.expected === 'number' && typeof value === 'number' ? 'an integer' : EXPECTED[issue.expected] ?? issue.expected;
      sink.error(path, 'invalid-type', `must be ${expected}, got ${describe(value)}`);
      continue;
    }
    if (issue.code === 'invalid_union') {
      // Only the scalar unions (port_ranges, tag values) reach here.
      sink.error(path, 'invalid-type', `must be a string or a number, got ${describe(value)}`);
      continue;
    }
    if (issue.code === 'too_small' || issue.code === 'too_big') {
      sink.error(path, 'invalid-value', sizeMessage(issue));
      continue;
    }
    sink.error(path, 'invalid-value', issue.message);
  }
}
