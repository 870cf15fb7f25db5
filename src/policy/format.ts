/** One line per problem: `file:line:col path: message [rule]`, as compilers print them. */
import type { PolicyProblem } from './types';

export function formatProblem(p: PolicyProblem): string {
  const location = [p.source, p.line, p.line === undefined ? undefined : p.column].filter((x) => x !== undefined && x !== '').join(':');
  const head = [location, p.path].filter((x) => x !== '').join(' ');
  const body = `${p.severity === 'warning' ? 'warning: ' : ''}${p.message} [${p.rule}]`;
  return head === '' ? body : `${head}: ${body}`;
}
