/** Escaping for the three output languages: HTML/SVG text and attributes, Markdown table cells, Mermaid labels. */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A Markdown table cell: pipes would split the cell, newlines would end the row, `<` could open HTML. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

/** Inline Markdown text: characters that would start formatting (or an HTML tag) are escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<|])/g, '\\$1');
}

/** Inside a Mermaid `"..."` label: quotes and angle brackets as entity codes, no newlines. */
export function escapeMermaid(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\r?\n/g, ' ');
}
