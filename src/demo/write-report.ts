/** Writes the two renderings of a RunReport next to each other: <dir>/<name>.html and <dir>/<name>.md. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunReport } from '../report/model';
import { renderHtml } from '../report/render-html';
import { renderMarkdown } from '../report/render-markdown';

export interface WrittenReport {
  html: string;
  markdown: string;
}

export async function writeRunReport(report: RunReport, dir: string, name = 'demo'): Promise<WrittenReport> {
  await mkdir(dir, { recursive: true });
  const files = { html: join(dir, `${name}.html`), markdown: join(dir, `${name}.md`) };
  await writeFile(files.html, renderHtml(report), 'utf8');
  await writeFile(files.markdown, renderMarkdown(report), 'utf8');
  return files;
}
