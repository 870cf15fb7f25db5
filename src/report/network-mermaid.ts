/**
 * The network diagram of one workspace as a Mermaid `flowchart` (GitHub and most Markdown viewers draw it):
 * the workspace node with its mode, one subgraph per rule type, private endpoint rules pointing at their
 * targets, statuses as node classes. Pure.
 */
import { escapeMermaid } from './escape';
import { modeLabel } from './format';
import type { NetworkView, RuleView } from './model';
import { groupRules, statusTone } from './rule-groups';

const CLASS_DEFS = [
  'classDef ws fill:#ffffff,stroke:#1f2937,stroke-width:2px',
  'classDef good fill:#dcfce7,stroke:#166534,color:#166534',
  'classDef idle fill:#e5e7eb,stroke:#4b5563,color:#374151',
  'classDef busy fill:#fef3c7,stroke:#92400e,color:#92400e',
  'classDef bad fill:#fee2e2,stroke:#991b1b,color:#991b1b',
  'classDef target fill:#eff6ff,stroke:#1d4ed8,color:#1e3a8a',
];

/** Returns the diagram's lines, without the ``` fence. */
export function renderNetworkMermaid(name: string, kind: string, view: NetworkView): string[] {
  const lines = ['flowchart LR'];
  const wsLabel = [
    `<b>${escapeMermaid(name)}</b>`,
    escapeMermaid(`${kind} workspace`),
    escapeMermaid(modeLabel(view.isolationMode)),
    escapeMermaid(`network: ${view.networkStatus ?? 'unknown'}, firewall: ${view.firewallSku ?? 'none'}`),
    escapeMermaid(`public access: ${view.publicNetworkAccess ?? 'unknown'}`),
  ].join('<br/>');
  lines.push(`  ws["${wsLabel}"]:::ws`);
  const groups = groupRules(view.rules);
  if (groups.length === 0) {
    lines.push('  none["no outbound rules"]:::idle', '  ws --- none');
  }
  const targets = new Map<string, string>();
  let n = 0;
  groups.forEach((group, g) => {
    const groupId = `g${g}`;
    lines.push(`  subgraph ${groupId}["${escapeMermaid(`${group.title} (${group.rules.length})`)}"]`);
    const ruleIds = new Map<RuleView, string>();
    for (const row of group.rows) {
      const id = `r${n++}`;
      if (row.kind === 'required') {
        lines.push(`    ${id}["${[row.name, row.text, row.status].map(escapeMermaid).join('<br/>')}"]:::${statusTone(row.status)}`);
        continue;
      }
      const rule = row.rule;
      ruleIds.set(rule, id);
      const detail = rule.target === undefined ? rule.destination : rule.target.subresource;
      const text = [rule.name, detail, ...(rule.status ? [rule.status] : [])].map(escapeMermaid).join('<br/>');
      lines.push(`    ${id}["${text}"]:::${statusTone(rule.status)}`);
    }
    lines.push('  end', `  ws --> ${groupId}`);
    group.rules.forEach((rule) => {
      const ruleId = ruleIds.get(rule);
      if (rule.target === undefined || ruleId === undefined) return;
      const key = rule.target.resourceId.toLowerCase();
      let targetId = targets.get(key);
      if (targetId === undefined) {
        targetId = `t${targets.size}`;
        targets.set(key, targetId);
        lines.push(`  ${targetId}[("${escapeMermaid(rule.target.resourceName)}<br/>${escapeMermaid(shortType(rule.target.resourceType))}")]:::target`);
      }
      lines.push(`  ${ruleId} -.-> ${targetId}`);
    });
  });
  lines.push(...CLASS_DEFS.map((c) => `  ${c}`));
  return lines;
}

/** `Microsoft.Storage/storageAccounts` -> `storageAccounts`. */
function shortType(resourceType: string): string {
  return resourceType.split('/').slice(1).join('/') || resourceType;
}
