/** What `apply` and `migrate` share: options, the snapshot folder, the CLI's approval and result reporting. */
import type { ApprovalDecision, StepOutcome } from '../../durable/contracts';
import type { InstanceStatus } from '../../durable/local-host';
import { stringOption, type OptionSpec, type ParsedArgs } from '../args';
import { RuntimeFailure, UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import type { Printer } from '../io';
import type { Style } from '../output/style';
import { checkWorkspaceId } from '../runtime/live-plan';
import { failureLine } from '../runtime/run-orchestration';
import { OutcomeWatch, outcomeLine } from '../runtime/outcome-watch';
import type { LocalRuntime } from '../runtime/local-runtime';
import { cliUser } from './drift';

export const ACT_OPTIONS: readonly OptionSpec[] = [
  { name: 'policy', value: 'file', description: 'policy file (YAML or JSON)' },
  { name: 'workspace', value: 'id', description: 'workspace resource id' },
  { name: 'yes', short: 'y', description: 'do not ask for confirmation (the plan is still printed)' },
  { name: 'dry-run', description: 'run the orchestration in dry-run mode: plan and report, never write' },
];

/** Compute snapshots must survive the process (a failed migration is resumed from them). */
/** The arguments apply and migrate both require: no positionals, --policy and a well-formed --workspace. */
export function actTarget(args: ParsedArgs, command: string): { policyPath: string; workspaceId: string } {
  if (args.positionals.length > 0) throw new UsageError(`${command} takes no positional arguments, got "${args.positionals.join(' ')}"`);
  const policyPath = stringOption(args, 'policy');
  const workspaceId = stringOption(args, 'workspace');
  if (policyPath === undefined) throw new UsageError(`${command} needs --policy <file>`);
  if (workspaceId === undefined) throw new UsageError(`${command} needs --workspace <id>`);
  checkWorkspaceId(workspaceId);
  return { policyPath, workspaceId };
}

export function snapshotDir(env: Readonly<Record<string, string | undefined>>): string {
  return env['MNET_SNAPSHOT_DIR']?.trim() || '.mnet/snapshots';
}

/** The person confirmed the whole plan (prompt or --yes): the CLI answers the orchestration's approval for them. */
export function cliApproval(env: Readonly<Record<string, string | undefined>>, how: 'prompt' | '--yes'): ApprovalDecision {
  return { approved: true, approver: cliUser(env), authenticatedAs: `cli-${how === 'prompt' ? 'prompt' : 'yes-flag'}`, comment: `confirmed with mnet (${how})` };
}

export function stepPrinter(rt: LocalRuntime, print: Printer, style: Style): OutcomeWatch {
  return new OutcomeWatch(rt.host, (o: StepOutcome) => {
    const line = outcomeLine(o);
    print.out(`  ${o.status === 'succeeded' ? style.green(line) : o.status === 'failed' || o.status === 'rejected' || o.status === 'timed-out' ? style.red(line) : line}`);
  });
}

export interface ResultShape {
  result?: string;
  errors?: { code: string; message: string }[];
}

/** Exit code of a finished orchestration: 0 done, 1 refused / rejected / timed out, 3 failed. */
export function exitFor(status: InstanceStatus, print: Printer, style: Style, okResults: readonly string[]): number {
  if (status.runtimeStatus !== 'Completed') throw new RuntimeFailure(`${status.name} failed: ${failureLine(status)}`);
  const output = (status.output ?? {}) as ResultShape;
  const result = output.result ?? 'unknown';
  const first = output.errors?.[0];
  if (okResults.includes(result)) {
    print.out(style.green(`result: ${result}`));
    return EXIT.ok;
  }
  if (result === 'failed') throw new RuntimeFailure(`${status.name} ended failed${first ? `: ${first.code}: ${first.message}` : ''}`);
  print.out(style.red(`result: ${result}${first ? ` (${first.code}: ${first.message})` : ''}`));
  return EXIT.failed;
}
