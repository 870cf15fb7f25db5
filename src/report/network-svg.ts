/**
 * The network diagram of one workspace as inline SVG: the workspace box (mode badge, network status, firewall,
 * public access) on the left, its outbound rules grouped by type on the right, each private endpoint with its
 * target and status. Pure string building; fixed-width layout so no text measuring is needed.
 */
import { escapeHtml } from './escape';
import { modeLabel } from './format';
import type { NetworkView } from './model';
import { groupRules, ruleTargetText, statusTone, type RuleGroup, type RuleRow } from './rule-groups';
import { modeColor, TONE_COLORS } from './tones';

const WIDTH = 900;
const MARGIN = 16;
const WS_WIDTH = 236;
const GROUP_X = 296;
const GROUP_WIDTH = WIDTH - GROUP_X - MARGIN;
const HEADER = 26;
const ROW = 24;
const GAP = 14;
/** Rough width of one character at 12px in the system sans-serif, regular and bold (enough to truncate, not to measure). */
const CHAR = 6.6;
const CHAR_BOLD = 7.6;

function fit(text: string, maxPx: number, bold = false): string {
  const max = Math.max(4, Math.floor(maxPx / (bold ? CHAR_BOLD : CHAR)));
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

/** `<text>` with the full string as a hover title when it was cut. */
function label(x: number, y: number, text: string, maxPx: number, attrs = ''): string {
  const shown = fit(text, maxPx, /font-weight="(600|700)"/.test(attrs));
  const title = shown === text ? '' : `<title>${escapeHtml(text)}</title>`;
  return `<text x="${x}" y="${y}"${attrs ? ` ${attrs}` : ''}>${title}${escapeHtml(shown)}</text>`;
}

function pill(xRight: number, yMid: number, text: string): string {
  const tone = TONE_COLORS[statusTone(text)];
  const w = Math.max(44, Math.ceil(text.length * 6.2) + 14);
  const x = xRight - w;
  return (
    `<rect x="${x}" y="${yMid - 9}" width="${w}" height="18" rx="9" fill="${tone.bg}"/>` +
    `<text x="${x + w / 2}" y="${yMid + 4}" text-anchor="middle" font-size="11" fill="${tone.fg}">${escapeHtml(text)}</text>`
  );
}

function workspaceBox(name: string, kind: string, view: NetworkView): { svg: string; height: number } {
  const lines: string[] = [
    `network: ${view.networkStatus ?? 'unknown'}${view.sparkReady ? ' (Spark ready)' : ''}`,
    `firewall: ${view.firewallSku ?? 'none'}`,
    `public access: ${view.publicNetworkAccess ?? 'unknown'}`,
    `${view.computes.length} compute${view.computes.length === 1 ? '' : 's'}, ${view.rules.length} rule${view.rules.length === 1 ? '' : 's'}`,
  ];
  const height = 92 + lines.length * 18;
  const x = MARGIN;
  const y = MARGIN;
  const badge = modeLabel(view.isolationMode);
  const parts = [
    `<rect x="${x}" y="${y}" width="${WS_WIDTH}" height="${height}" rx="10" fill="#ffffff" stroke="#1f2937" stroke-width="1.5"/>`,
    label(x + 14, y + 26, name, WS_WIDTH - 28, 'font-size="15" font-weight="600" fill="#111827"'),
    label(x + 14, y + 44, `${kind} workspace`, WS_WIDTH - 28, 'font-size="11" fill="#6b7280"'),
    `<rect x="${x + 14}" y="${y + 54}" width="${WS_WIDTH - 28}" height="22" rx="11" fill="${modeColor(view.isolationMode)}"/>`,
    `<text x="${x + WS_WIDTH / 2}" y="${y + 69}" text-anchor="middle" font-size="12" font-weight="600" fill="#ffffff">${escapeHtml(fit(badge, WS_WIDTH - 40))}</text>`,
    ...lines.map((line, i) => label(x + 14, y + 98 + i * 18, line, WS_WIDTH - 28, 'font-size="12" fill="#374151"')),
  ];
  return { svg: parts.join(''), height };
}

function rowCells(row: RuleRow): { name: string; target: string; status: string; muted: boolean } {
  if (row.kind === 'required') return { name: row.name, target: row.text, status: row.status, muted: true };
  const rule = row.rule;
  return { name: rule.name, target: rule.target !== undefined ? `\u2192 ${ruleTargetText(rule)}` : ruleTargetText(rule), status: rule.status ?? '', muted: false };
}

function ruleRow(row: RuleRow, y: number): string {
  const x = GROUP_X;
  const mid = y + ROW / 2;
  const cells = rowCells(row);
  const statusWidth = cells.status === '' ? 0 : 96;
  const nameWidth = 230;
  const targetWidth = GROUP_WIDTH - nameWidth - statusWidth - 30;
  return [
    label(x + 12, mid + 4, cells.name, nameWidth - 8, `font-size="12" font-weight="600" fill="${cells.muted ? '#6b7280' : '#111827'}"`),
    label(x + 12 + nameWidth, mid + 4, cells.target, targetWidth, `font-size="12" fill="${cells.muted ? '#6b7280' : '#374151'}"`),
    cells.status === '' ? '' : pill(x + GROUP_WIDTH - 10, mid, cells.status),
  ].join('');
}

function groupBox(group: RuleGroup, y: number): { svg: string; height: number } {
  const height = HEADER + group.rows.length * ROW + 8;
  const parts = [
    `<rect x="${GROUP_X}" y="${y}" width="${GROUP_WIDTH}" height="${height}" rx="8" fill="#f9fafb" stroke="#9ca3af"/>`,
    `<text x="${GROUP_X + 12}" y="${y + 18}" font-size="12" font-weight="700" fill="#1f2937">${escapeHtml(group.title)} (${group.rules.length})</text>`,
    ...group.rows.map((row, i) => ruleRow(row, y + HEADER + i * ROW)),
  ];
  return { svg: parts.join(''), height };
}

function connector(fromY: number, toY: number, markerId: string): string {
  const x1 = MARGIN + WS_WIDTH;
  const x2 = GROUP_X;
  const mx = (x1 + x2) / 2;
  return `<path d="M${x1} ${fromY} C${mx} ${fromY}, ${mx} ${toY}, ${x2} ${toY}" fill="none" stroke="#6b7280" stroke-width="1.5" marker-end="url(#${markerId})"/>`;
}

/**
 * @param caption e.g. "after": shown in the accessible label.
 * @param idPrefix keeps the arrow marker's id unique when several diagrams share one page.
 */
export function renderNetworkSvg(name: string, kind: string, view: NetworkView, caption = '', idPrefix = 'net'): string {
  const markerId = `${idPrefix.replace(/[^A-Za-z0-9_-]/g, '-')}-arrow`;
  const box = workspaceBox(name, kind, view);
  const groups = groupRules(view.rules);
  const body: string[] = [];
  const joins: string[] = [];
  const fromY = MARGIN + 65;
  let y = MARGIN;
  if (groups.length === 0) {
    const height = 44;
    body.push(
      `<rect x="${GROUP_X}" y="${y}" width="${GROUP_WIDTH}" height="${height}" rx="8" fill="#f9fafb" stroke="#9ca3af" stroke-dasharray="4 3"/>`,
      `<text x="${GROUP_X + 12}" y="${y + 27}" font-size="12" fill="#6b7280">No outbound rules</text>`,
    );
    joins.push(connector(fromY, y + height / 2, markerId));
    y += height + GAP;
  }
  for (const group of groups) {
    const g = groupBox(group, y);
    body.push(g.svg);
    joins.push(connector(fromY, y + HEADER / 2 + 1, markerId));
    y += g.height + GAP;
  }
  const height = Math.max(MARGIN + box.height, y - GAP) + MARGIN;
  const aria = `Managed network of ${name}${caption ? ` (${caption})` : ''}: ${modeLabel(view.isolationMode)}, ${view.rules.length} outbound rules`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(aria)}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
    `<defs><marker id="${markerId}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#6b7280"/></marker></defs>`,
    box.svg,
    ...joins,
    ...body,
    '</svg>',
  ].join('\n');
}
