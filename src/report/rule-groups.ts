/** Rules grouped by type, in the order both diagrams draw them: private endpoints first (they carry targets). */
import type { RuleView } from './model';

/** One line of a group: a rule, or the service's required rules of that type folded into one line. */
export type RuleRow = { kind: 'rule'; rule: RuleView } | { kind: 'required'; count: number; name: string; text: string; status: string };

export interface RuleGroup {
  type: string;
  title: string;
  rules: RuleView[];
  rows: RuleRow[];
}

const ORDER: readonly { type: string; title: string }[] = [
  { type: 'PrivateEndpoint', title: 'Private endpoints' },
  { type: 'FQDN', title: 'FQDN rules' },
  { type: 'ServiceTag', title: 'Service tags' },
];

export function groupRules(rules: readonly RuleView[]): RuleGroup[] {
  const groups: RuleGroup[] = [];
  for (const { type, title } of ORDER) {
    const matching = sortRules(rules.filter((r) => r.type === type));
    if (matching.length > 0) groups.push({ type, title, rules: matching, rows: rowsOf(type, matching) });
  }
  const known = new Set(ORDER.map((o) => o.type));
  const other = sortRules(rules.filter((r) => !known.has(r.type)));
  if (other.length > 0) groups.push({ type: 'Other', title: 'Other rules', rules: other, rows: rowsOf('Other', other) });
  return groups;
}

/**
 * The service adds Required service-tag and FQDN rules of its own (a dozen on a provisioned workspace): they are
 * folded into one line so the user's rules stand out. Private endpoints always stay one line each (their targets
 * are the point of the diagram).
 */
function rowsOf(type: string, rules: RuleView[]): RuleRow[] {
  const foldable = type === 'ServiceTag' || type === 'FQDN';
  const required = foldable ? rules.filter((r) => r.category === 'Required') : [];
  const rows: RuleRow[] = rules.filter((r) => !required.includes(r)).map((rule) => ({ kind: 'rule', rule }));
  if (required.length > 1) {
    const statuses = new Set(required.map((r) => r.status ?? 'unknown'));
    rows.push({
      kind: 'required',
      count: required.length,
      name: `required by the service (${required.length})`,
      text: required.map((r) => (type === 'ServiceTag' ? r.destination.split(' ')[0] ?? r.destination : r.destination)).join(', '),
      status: statuses.size === 1 ? [...statuses][0] ?? 'unknown' : 'mixed',
    });
  } else {
    rows.push(...required.map((rule) => ({ kind: 'rule' as const, rule })));
  }
  return rows;
}

function sortRules(rules: RuleView[]): RuleView[] {
  return [...rules].sort((a, b) => a.name.localeCompare(b.name));
}

/** What a rule points at, in one short line: `sttrainingdata/blob`, `pypi.org`, `DataFactory TCP 443`. */
export function ruleTargetText(rule: RuleView): string {
  if (rule.target !== undefined) return `${rule.target.resourceName}/${rule.target.subresource}`;
  return rule.destination;
}

/** Status words mapped to a tone the renderers color. */
export type Tone = 'good' | 'idle' | 'busy' | 'bad';

export function statusTone(status: string | undefined): Tone {
  switch ((status ?? '').toLowerCase()) {
    case 'active':
    case 'succeeded':
    case 'compliant':
    case 'ok':
      return 'good';
    case 'provisioning':
    case 'deleting':
    case 'running':
    case 'drifted':
      return 'busy';
    case 'failed':
    case 'refused':
    case 'rejected':
    case 'timed-out':
      return 'bad';
    default:
      return 'idle';
  }
}
