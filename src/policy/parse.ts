/** Parses policy text (YAML, or JSON which is YAML) and validates it, with line and column on every problem. */
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { createLocator } from './source-positions';
import type { PolicyLoadResult, PolicyProblem } from './types';
import { validatePolicy } from './validate';

function syntaxProblem(err: YAMLError, lineCounter: LineCounter, sourceName: string): PolicyProblem {
  const pos = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
  // yaml appends " at line X, column Y" and a code excerpt; the position is reported separately.
  const message = (err.message.split('\n')[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, '');
  return { path: '', message, rule: 'yaml-syntax', severity: 'error', source: sourceName, line: pos.line, column: pos.col };
}

export function parsePolicyText(text: string, sourceName: string): PolicyLoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => syntaxProblem(e, lineCounter, sourceName)), warnings: [] };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ path: '', message, rule: 'yaml-syntax', severity: 'error', source: sourceName, line: 1, column: 1 }], warnings: [] };
  }
  return validatePolicy(raw, { sourceName, locate: createLocator(doc, lineCounter) });
}
