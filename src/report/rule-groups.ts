/** Rules grouped by type, in the order both diagrams draw them: private endpoints first (they carry targets). */
import type { RuleView } from './model';

export interface RuleGroup {
  type: string;
  title: string;
  rules: RuleView[];
}

const ORDER: readonly { type: string; title: string }[] = [
  { type: 'PrivateEndpoint', title: 'Private endpoints' },
  { type: 'FQDN', title: 'FQDN rules' },
  { type: 'ServiceTag', title: 'Service tags' },
];

export function groupRules(rules: readonly RuleView[]): RuleGroup[] {
  const groups: RuleGroup[] = [];
  for (const { type, title } of ORDER) {
    const matching = rules.filter((r) => r.type === type);
    if (matching.length > 0) groups.push({ type, title, rules: sortRules(matching) });
  }
  const known = new Set(ORDER.map((o) => o.type));
  const other = rules.filter((r) => !known.has(r.type));
  if (other.length > 0) groups.push({ type: 'Other', title: 'Other rules', rules: sortRules(other) });
  return groups;
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
