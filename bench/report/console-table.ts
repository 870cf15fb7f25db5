/** The summary as a plain-text table for the terminal. */
import { status, type Row } from './rows';

export function consoleTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.area, r.metric, r.value, r.target, status(r)]);
  const header = ['area', 'metric', 'measured', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]): string => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
