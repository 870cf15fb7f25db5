/**
 * `mnet drift --policy P [--subscriptions S1,S2] [--json]`: the product's drift scan (the driftScan orchestration on
 * the local host: one Resource Graph query, the pure evaluation) in report-only mode: it never remediates.
 */
import type { DriftScanInput, DriftScanOutput } from '../../durable/contracts';
import { ORCHESTRATORS } from '../../durable/contracts';
import { driftScanInstanceId } from '../../durable/instance-ids';
import { hasDrift, type DriftReport } from '../../drift/report';
import type { Policy } from '../../policy/types';
import { flagOption, stringOption } from '../args';
import { ARM_OPTIONS } from '../azure/options';
import { resolveArmTarget } from '../azure/target';
import { RuntimeFailure, UsageError } from '../errors';
import { EXIT } from '../exit-codes';
import { renderDrift } from '../output/drift-view';
import { hostLogger } from '../runtime/host-logger';
import { createLocalRuntime, type LocalRuntime } from '../runtime/local-runtime';
import { failureLine, runOrchestration } from '../runtime/run-orchestration';
import { validPolicy } from './policy-input';
import type { CommandDefinition } from './types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function scanSubscriptionsFrom(policy: Policy, option: string | undefined): string[] {
  const listed = option === undefined ? policy.scope.subscriptions : option.split(/[,;\s]+/).filter((s) => s !== '');
  const bad = listed.filter((s) => !GUID.test(s));
  if (bad.length > 0) throw new UsageError(`--subscriptions must list subscription ids, got "${bad.join(', ')}"`);
  if (listed.length === 0) throw new UsageError('the policy names no subscriptions: pass --subscriptions <id,...>', '');
  return listed;
}

/** Runs the scan; the report comes back from the run's report store (as the HTTP API would serve it). */
export async function runDriftScan(rt: LocalRuntime, policy: Policy, subscriptions: string[], requestedBy: string): Promise<{ output: DriftScanOutput; report: DriftReport; instanceId: string }> {
  const instanceId = driftScanInstanceId(policy.name);
  // Report only, whatever the policy says: a person asked to look, not to change.
  const input: DriftScanInput = { policy: { ...policy, drift: { ...policy.drift, mode: 'report' } }, subscriptions, dryRun: true, request: { trigger: 'cli', requestedBy } };
  const status = await runOrchestration(rt, ORCHESTRATORS.driftScan, instanceId, input);
  if (status.runtimeStatus !== 'Completed') throw new RuntimeFailure(`drift scan failed: ${failureLine(status)}`);
  const output = status.output as DriftScanOutput;
  const stored = await rt.reports.getDriftReport(output.reportKey);
  if (stored === undefined) throw new RuntimeFailure(`drift scan finished but its report ${output.reportKey} is missing`);
  return { output, report: stored.report as DriftReport, instanceId };
}

export function cliUser(env: Readonly<Record<string, string | undefined>>): string {
  return `cli:${env['USER'] ?? env['USERNAME'] ?? 'unknown'}`;
}

export const driftCommand: CommandDefinition = {
  name: 'drift',
  summary: 'Scan every workspace in the policy scope and report drift (never changes anything)',
  usage: ['mnet drift --policy <file> [--subscriptions <id,...>] [--json] [--endpoint <url> --ca <pem-file>]'],
  options: [
    { name: 'policy', value: 'file', description: 'policy file (YAML or JSON)' },
    { name: 'subscriptions', value: 'ids', description: 'subscriptions to scan (default: the policy scope\'s)' },
    { name: 'json', description: 'print the drift report as JSON' },
    ...ARM_OPTIONS,
  ],
  details: [
    'Runs the product\'s driftScan orchestration in-process with remediation off; one Resource Graph query per scan.',
    'Without --endpoint: Azure, signed in with DefaultAzureCredential (az login, environment, managed identity).',
    'Exit codes: 0 no drift, 1 drift found (or policy invalid), 2 usage error, 3 runtime failure.',
  ],
  async run({ args, io, print, style, verbose }) {
    if (args.positionals.length > 0) throw new UsageError(`drift takes no positional arguments, got "${args.positionals.join(' ')}"`);
    const policyPath = stringOption(args, 'policy');
    if (policyPath === undefined) throw new UsageError('drift needs --policy <file>');
    const target = await resolveArmTarget(args, io.env);
    const policy = await validPolicy(policyPath, print, 'no scan');
    if (policy === undefined) return EXIT.failed;
    const subscriptions = scanSubscriptionsFrom(policy, stringOption(args, 'subscriptions'));
    const rt = await createLocalRuntime(target, { ...hostLogger(verbose, print) });
    try {
      const { report } = await runDriftScan(rt, policy, subscriptions, cliUser(io.env));
      if (flagOption(args, 'json')) print.out(JSON.stringify(report, null, 2));
      else for (const line of renderDrift(report, style)) print.out(line);
      return hasDrift(report) ? EXIT.failed : EXIT.ok;
    } finally {
      rt.close();
    }
  },
};
