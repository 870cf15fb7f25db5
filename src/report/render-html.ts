/**
 * The run report as one self-contained HTML page: inline CSS, an inline SVG network diagram per workspace
 * (after, and before in a fold), tables for scans, phases, steps and warnings. No script, no external asset. Pure.
 */
import { escapeHtml as h } from './escape';
import { formatDuration, formatRealMs, formatTime, modeLabel } from './format';
import { REPORT_CSS } from './html-style';
import type { PhaseView, RunReport, ScanView, WorkspaceReport } from './model';
import { renderNetworkSvg } from './network-svg';
import { statusTone } from './rule-groups';
import { comparisonRows, headline, verdictText, workspaceDuration } from './summary';

interface Cell {
  text: string;
  className?: string;
  /** Already-escaped HTML (pills). */
  html?: string;
}

function cell(c: string | Cell, tag: 'td' | 'th'): string {
  const v = typeof c === 'string' ? { text: c } : c;
  const cls = v.className ? ` class="${v.className}"` : '';
  return `<${tag}${cls}>${v.html ?? h(v.text)}</${tag}>`;
}

function table(headers: readonly string[], rows: readonly (readonly (string | Cell)[])[]): string {
  return `<table><thead><tr>${headers.map((x) => cell(x, 'th')).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function pill(text: string, tone = statusTone(text)): Cell {
  return { text, html: `<span class="pill ${tone}">${h(text)}</span>` };
}

const num = (n: number): Cell => ({ text: String(n), className: 'num' });

function scanRow(label: string, scan: ScanView | undefined): (string | Cell)[] {
  if (scan === undefined) return [label, '-', '-', '-', '-', '-', '-', '-'];
  return [label, formatTime(scan.at), num(scan.scanned), num(scan.inScope), num(scan.compliant), num(scan.drifted), num(scan.refused), num(scan.skipped)];
}

function phaseRows(phases: readonly PhaseView[]): (string | Cell)[][] {
  return phases.map((p, i) => [
    num(i + 1),
    { text: p.title, html: `${h(p.title)}${p.lines.length > 0 ? `<ul class="lines">${p.lines.map((l) => `<li>${h(l)}</li>`).join('')}</ul>` : ''}` },
    pill(p.status),
    formatDuration(p.durationMs),
    formatRealMs(p.realMs),
  ]);
}

function workspaceCard(ws: WorkspaceReport, index: number): string {
  const parts: string[] = [];
  parts.push(
    `<section class="card" id="ws-${index}"><header><div><h3>${h(ws.name)}</h3><code>${h(ws.workspaceId)}</code></div>` +
      `<div>${pill(ws.verdictBefore, statusTone(ws.verdictBefore)).html ?? ''} &rarr; ${pill(ws.verdictAfter).html ?? ''}</div></header>`,
  );
  parts.push(`<p class="meta">${h(ws.kind)} workspace in <code>${h(ws.resourceGroup)}</code>; time taken (emulated): ${h(workspaceDuration(ws))}</p>`);
  if (ws.note !== undefined) parts.push(`<p><strong>Note:</strong> ${h(ws.note)}</p>`);

  const view = ws.after ?? ws.before;
  if (view !== undefined) {
    parts.push(`<h4>Network ${ws.after ? 'after' : 'before'}: ${h(modeLabel(view.isolationMode))}</h4>`);
    parts.push(`<div class="diagram">${renderNetworkSvg(ws.name, ws.kind, view, ws.after ? 'after' : 'before', `ws${index}-${ws.after ? 'after' : 'before'}`)}</div>`);
  }
  if (ws.before !== undefined && ws.after !== undefined) {
    parts.push(`<details><summary>Network before: ${h(modeLabel(ws.before.isolationMode))}</summary><div class="diagram">${renderNetworkSvg(ws.name, ws.kind, ws.before, 'before', `ws${index}-before`)}</div></details>`);
  }

  parts.push('<h4>Before and after</h4>');
  parts.push(table(['', 'Before', 'After'], comparisonRows(ws).map((r) => [r.label, r.before, { text: r.after, ...(r.changed ? { className: 'changed' } : {}) }])));

  if (ws.plannedSteps.length > 0) parts.push(`<h4>Plan</h4><ol>${ws.plannedSteps.map((s) => `<li>${h(s)}</li>`).join('')}</ol>`);
  parts.push('<h4>Steps taken</h4>');
  if (ws.steps.length === 0) {
    parts.push(`<p class="meta">${ws.orchestrations.length === 0 ? 'Nothing was run on this workspace.' : 'The orchestrations recorded no steps.'}</p>`);
  } else {
    parts.push(
      table(
        ['Orchestration', 'Step', 'Status', 'Started', 'Took', 'Detail'],
        ws.steps.map((s) => [s.orchestration, s.kind, pill(s.status), formatTime(s.startedAt), formatDuration(s.durationMs), s.error ?? s.detail ?? '']),
      ),
    );
  }
  if (ws.orchestrations.length > 0) {
    parts.push(
      table(
        ['Orchestration', 'Instance', 'Trigger', 'Status', 'Result', 'Took'],
        ws.orchestrations.map((o) => [o.name, { text: o.instanceId, html: `<code>${h(o.instanceId)}</code>` }, o.trigger ?? '-', pill(o.runtimeStatus === 'Completed' ? 'succeeded' : o.runtimeStatus.toLowerCase()), o.result ?? '-', formatDuration(o.durationMs)]),
      ),
    );
  }
  if (ws.warnings.length > 0) parts.push(`<h4>Warnings</h4><ul class="warnings">${ws.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul>`);
  parts.push('</section>');
  return parts.join('\n');
}

export function renderHtml(run: RunReport): string {
  const line = headline(run);
  const ok = run.scans.after !== undefined && run.scans.after.drifted + run.scans.after.refused === 0;
  const body = [
    `<h1>${h(run.title)}</h1>`,
    `<div class="headline ${ok ? 'good' : 'bad'}">${h(line)}</div>`,
    `<p class="meta">Policy <strong>${h(run.policyName)}</strong> (<code>${h(run.policySource)}</code>) against <code>${h(run.endpoint)}</code>, ` +
      `${h(formatTime(run.startedAt))} to ${h(formatTime(run.finishedAt))}: ${h(formatDuration(run.emulatedMs))} of emulated time in ${h(formatRealMs(run.realMs))} of real time. ` +
      'Every value was recorded from the run: orchestration outputs and custom status, and the workspaces read back through Azure Resource Manager.</p>',
    '<h2>Drift scans</h2>',
    table(['Scan', 'At', 'Scanned', 'In scope', 'Compliant', 'Drifted', 'Refused', 'Skipped'], [scanRow('First', run.scans.before), scanRow('Final', run.scans.after)]),
    '<h2>Phases</h2>',
    table(['#', 'Phase', 'Status', 'Emulated time', 'Real time'], phaseRows(run.phases)),
    '<h2>Workspaces</h2>',
    table(
      ['Workspace', 'Kind', 'Verdict', 'Mode before', 'Mode after', 'Steps', 'Took'],
      run.workspaces.map((ws, i) => [
        { text: ws.name, html: `<a href="#ws-${i}">${h(ws.name)}</a>` },
        ws.kind,
        verdictText(ws),
        ws.before?.isolationMode ?? '-',
        ws.after?.isolationMode ?? '-',
        num(ws.steps.length),
        workspaceDuration(ws),
      ]),
    ),
    ...run.workspaces.map((ws, i) => workspaceCard(ws, i)),
    ...(run.warnings.length > 0 ? ['<h2>Warnings</h2>', `<ul class="warnings">${run.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul>`] : []),
    `<footer>Generated by mnet-autopilot from run records; times are emulated unless marked real.</footer>`,
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(run.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body><main>',
    ...body,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
