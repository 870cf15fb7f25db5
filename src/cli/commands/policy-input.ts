/** Loading the policy file for any command: problems printed one per line, the file's absence a usage error. */
import { formatProblem, loadPolicyFile, PolicyFileError } from '../../policy';
import type { Policy, PolicyProblem } from '../../policy/types';
import { UsageError } from '../errors';
import type { Printer } from '../io';

export type PolicyInput = { ok: true; policy: Policy; warnings: PolicyProblem[] } | { ok: false; problems: PolicyProblem[]; warnings: PolicyProblem[] };

export async function readPolicy(path: string): Promise<PolicyInput> {
  try {
    const result = await loadPolicyFile(path);
    return result.ok
      ? { ok: true, policy: result.policy, warnings: result.warnings ?? [] }
      : { ok: false, problems: result.problems, warnings: result.warnings ?? [] };
  } catch (e) {
    if (e instanceof PolicyFileError) throw new UsageError(e.message, '');
    throw e;
  }
}

/** Errors go to stdout (they are the result), warnings to stderr (advice). */
export function printProblems(input: PolicyInput, print: Printer): void {
  if (!input.ok) for (const p of input.problems) print.out(formatProblem(p));
  for (const w of input.warnings) print.err(formatProblem({ ...w, severity: 'warning' }));
}

/** The policy, or undefined after printing why it cannot be used (the command then exits 1). */
export async function validPolicy(path: string, print: Printer, what: string): Promise<Policy | undefined> {
  const input = await readPolicy(path);
  printProblems(input, print);
  if (!input.ok) {
    print.err(`${path}: invalid policy, ${what}`);
    return undefined;
  }
  return input.policy;
}
