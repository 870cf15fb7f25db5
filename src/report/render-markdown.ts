/** The run report as Markdown: summary, scans, phases, then per workspace before/after, steps, warnings, diagram. Pure. */
import { escapeCell, escapeMarkdown } from './escape';
import { formatDuration, formatRealMs, formatTime, modeLabel } from './format';
import type { RunReport, ScanView, WorkspaceReport } from './model';
import { renderNetworkMermaid } from './network-mermaid';
import { comparisonRows, headline, verdictText, workspaceDuration } from './summary';

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${headers.map(escapeCell).join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => escapeCell(c)).join(' | ')} |`),
  ];
}

function scanRow(label: string, scan: ScanView | undefined): string[] {
  if (scan === undefined) return [label, '-', '-', '-', '-', '-', '-', '-'];
  return [label, formatTime(scan.at), String(scan.scanned), String(scan.inScope), String(scan.compliant), String(scan.drifted), String(scan.refused), String(scan.skipped)];
}

function workspaceSection(ws: WorkspaceReport): string[] {
  const out = [`### ${escapeMarkdown(ws.name)}`, '', `\`${ws.workspaceId}\``, ''];
  out.push(`- **Kind:** ${escapeMarkdown(ws.kind)}, resource group \`${ws.resourceGroup}\``);
  out.push(`- **Verdict:** ${verdictText(ws)}`);
  if (ws.note !== undefined) out.push(`- **Note:** ${escapeMarkdown(ws.note)}`);
  out.push(`- **Time taken (emulated):** ${workspaceDuration(ws)}`, '');

  out.push('#### Before and after', '');
  out.push(...table(['', 'Before', 'After'], comparisonRows(ws).map((r) => [r.label, r.before, r.changed ? `**${r.after}**` : r.after])), '');

  if (ws.plannedSteps.length > 0) {
    out.push('#### Plan', '', ...ws.plannedSteps.map((s, i) => `${i + 1}. ${escapeMarkdown(s)}`), '');
  }
  out.push('#### Steps taken', '');
  if (ws.steps.length === 0) {
    out.push(ws.orchestrations.length === 0 ? '_Nothing was run on this workspace._' : '_The orchestrations recorded no steps._', '');
  } else {
    out.push(
      ...table(
        ['Orchestration', 'Step', 'Status', 'Started', 'Took', 'Detail'],
        ws.steps.map((s) => [s.orchestration, s.kind, s.status, formatTime(s.startedAt), formatDuration(s.durationMs), s.error ?? s.detail ?? '']),
      ),
      '',
    );
  }
  if (ws.orchestrations.length > 0) {
    out.push(
      ...table(
        ['Orchestration', 'Instance', 'Trigger', 'Status', 'Result', 'Took'],
        ws.orchestrations.map((o) => [o.name, o.instanceId, o.trigger ?? '-', o.runtimeStatus, o.result ?? '-', formatDuration(o.durationMs)]),
      ),
      '',
    );
  }
  if (ws.warnings.length > 0) out.push('#### Warnings', '', ...ws.warnings.map((w) => `- ${escapeMarkdown(w)}`), '');

  const view = ws.after ?? ws.before;
  if (view !== undefined) {
    out.push(`#### Network ${ws.after ? 'after' : 'before'}: ${escapeMarkdown(modeLabel(view.isolationMode))}`, '', '```mermaid', ...renderNetworkMermaid(ws.name, ws.kind, view), '```', '');
  }
  if (ws.before !== undefined && ws.after !== undefined) {
    out.push('<details><summary>Network before</summary>', '', '```mermaid', ...renderNetworkMermaid(ws.name, ws.kind, ws.before), '```', '', '</details>', '');
  }
  return out;
}

export function renderMarkdown(run: RunReport): string {
  const out: string[] = [`# ${escapeMarkdown(run.title)}`, ''];
  out.push(`**${escapeMarkdown(headline(run))}**`, '');
  out.push(
    `Policy **${escapeMarkdown(run.policyName)}** (\`${run.policySource}\`) against \`${run.endpoint}\`, ` +
      `${formatTime(run.startedAt)} to ${formatTime(run.finishedAt)}: ${formatDuration(run.emulatedMs)} of emulated time in ${formatRealMs(run.realMs)} of real time.`,
    '',
    'Every value below was recorded from the run: orchestration outputs and custom status, and the workspaces read back through Azure Resource Manager.',
    '',
  );

  out.push('## Drift scans', '');
  out.push(...table(['Scan', 'At', 'Scanned', 'In scope', 'Compliant', 'Drifted', 'Refused', 'Skipped'], [scanRow('First', run.scans.before), scanRow('Final', run.scans.after)]), '');

  out.push('## Phases', '');
  out.push(
    ...table(
      ['#', 'Phase', 'Status', 'Emulated time', 'Real time'],
      run.phases.map((p, i) => [String(i + 1), p.title, p.status, formatDuration(p.durationMs), formatRealMs(p.realMs)]),
    ),
    '',
  );
  run.phases.forEach((p, i) => {
    if (p.lines.length === 0) return;
    out.push(`${i + 1}. **${escapeMarkdown(p.title)}**`, ...p.lines.map((l) => `   - ${escapeMarkdown(l)}`));
  });
  out.push('');

  out.push('## Workspaces', '');
  out.push(
    ...table(
      ['Workspace', 'Kind', 'Verdict', 'Mode before', 'Mode after', 'Steps', 'Took (emulated)'],
      run.workspaces.map((ws) => [ws.name, ws.kind, verdictText(ws), ws.before?.isolationMode ?? '-', ws.after?.isolationMode ?? '-', String(ws.steps.length), workspaceDuration(ws)]),
    ),
    '',
  );
  for (const ws of run.workspaces) out.push(...workspaceSection(ws));

  if (run.warnings.length > 0) out.push('## Warnings', '', ...run.warnings.map((w) => `- ${escapeMarkdown(w)}`), '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
