/** Human-readable drift report: the summary line, then drifted, refused and skipped workspaces. */
import { summarizeDrift, type DriftReport } from '../../drift/report';
import type { Style } from './style';
import { renderTable } from './table';

export function renderDrift(report: DriftReport, style: Style, options: { showSkipped?: boolean } = {}): string[] {
  const lines = [style.bold(`Drift: ${summarizeDrift(report)}`)];
  if (report.drifted.length > 0) {
    lines.push('', style.yellow(`Drifted (${report.drifted.length}):`));
    lines.push(
      ...renderTable(
        [{ header: 'WORKSPACE' }, { header: 'KIND' }, { header: 'MODE' }, { header: 'STEPS', align: 'right' }, { header: 'FIRST DIFFERENCE' }],
        report.drifted.map((d) => [
          d.name,
          d.kind,
          d.plan.actualMode === d.plan.desiredMode ? d.plan.actualMode : `${d.plan.actualMode} -> ${d.plan.desiredMode}`,
          String(d.plan.steps.length),
          d.reasons[0] ?? '',
        ]),
      ).map((l) => `  ${l}`),
    );
  }
  if (report.refused.length > 0) {
    lines.push('', style.red(`Refused (${report.refused.length}):`));
    for (const r of report.refused) lines.push(`  ${r.name}: ${r.reason} [${r.rule}]`);
  }
  if (report.skipped.length > 0) {
    if (options.showSkipped === false) {
      lines.push('', style.dim(`${report.skipped.length} skipped (outside the policy scope)`));
    } else {
      lines.push('', style.dim(`Skipped (${report.skipped.length}):`));
      for (const s of report.skipped) lines.push(style.dim(`  ${s.workspaceId.split('/').pop() ?? s.workspaceId}: ${s.reason}`));
    }
  }
  if (report.drifted.length === 0 && report.refused.length === 0) lines.push('', style.green(`compliant: all ${report.inScope} in-scope workspaces`));
  lines.push('', style.dim('Computes are not part of a scan (Resource Graph has none); mnet plan --workspace reads them.'));
  return lines;
}
