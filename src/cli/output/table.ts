/** Plain-text tables: left-aligned columns (or right-aligned numbers), the last column never padded. */
import { visibleWidth } from './style';

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], gap = '  '): string[] {
  const widths = columns.map((c, i) => Math.max(visibleWidth(c.header), ...rows.map((r) => visibleWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        return i === columns.length - 1 ? cell : pad(cell, widths[i] ?? 0, c.align ?? 'left');
      })
      .join(gap)
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}
