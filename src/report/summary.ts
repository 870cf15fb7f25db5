/** Facts both renderers print the same way (so the Markdown and the HTML never disagree). Pure. */
import { formatDuration } from './format';
import type { NetworkView, RunReport, WorkspaceReport } from './model';

export interface ComparisonRow {
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

function ruleCounts(view: NetworkView): string {
  const count = (type: string): number => view.rules.filter((r) => r.type === type).length;
  const parts = [`${count('PrivateEndpoint')} PE`, `${count('FQDN')} FQDN`, `${count('ServiceTag')} tag`];
  return `${view.rules.length} (${parts.join(', ')})`;
}

function activePe(view: NetworkView): string {
  const pe = view.rules.filter((r) => r.type === 'PrivateEndpoint');
  if (pe.length === 0) return '-';
  return `${pe.filter((r) => r.status === 'Active').length} of ${pe.length} Active`;
}

function computes(view: NetworkView): string {
  return view.computes.length === 0 ? 'none' : view.computes.map((c) => c.name).join(', ');
}

const FIELDS: readonly { label: string; read: (v: NetworkView) => string }[] = [
  { label: 'Isolation mode', read: (v) => v.isolationMode },
  { label: 'Network status', read: (v) => v.networkStatus ?? 'unknown' },
  { label: 'Firewall SKU', read: (v) => v.firewallSku ?? 'none' },
  { label: 'Public network access', read: (v) => v.publicNetworkAccess ?? 'unknown' },
  { label: 'Outbound rules', read: ruleCounts },
  { label: 'Private endpoints', read: activePe },
  { label: 'Computes', read: computes },
  { label: 'Online endpoints', read: (v) => (v.onlineEndpoints.length === 0 ? 'none' : v.onlineEndpoints.join(', ')) },
];

export function comparisonRows(ws: WorkspaceReport): ComparisonRow[] {
  return FIELDS.map(({ label, read }) => {
    const before = ws.before === undefined ? '(did not exist)' : read(ws.before);
    const after = ws.after === undefined ? '(not read)' : read(ws.after);
    return { label, before, after, changed: before !== after };
  });
}

/** Emulated time the workspace's orchestrations took, first start to last finish. */
export function workspaceDuration(ws: WorkspaceReport): string {
  if (ws.orchestrations.length === 0) return '-';
  const start = Math.min(...ws.orchestrations.map((o) => Date.parse(o.startedAt)));
  const end = Math.max(...ws.orchestrations.map((o) => Date.parse(o.finishedAt)));
  return formatDuration(end - start);
}

export function verdictText(ws: WorkspaceReport): string {
  return `${ws.verdictBefore} \u2192 ${ws.verdictAfter}`;
}

/** The run's one-line verdict: what the final scan says. */
export function headline(run: RunReport): string {
  const after = run.scans.after;
  if (after === undefined) return 'No final scan was recorded.';
  const drifted = after.drifted + after.refused;
  return drifted === 0
    ? `Final scan: all ${after.inScope} in-scope workspaces compliant (${after.skipped} skipped as out of scope).`
    : `Final scan: ${after.drifted} drifted and ${after.refused} refused of ${after.inScope} in scope.`;
}
