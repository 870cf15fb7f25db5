/**
 * `npm run demo`: the product's real workflows against the emulator's `demo` scenario, end to end, on one
 * virtual clock (hours of emulated provisioning in a few real seconds):
 *   scan (timer) -> plans (POST /plan) -> a new workspace onboarded from Event Grid -> one ticket per drifted
 *   workspace (POST /requests, approvals through POST /requests/{id}/approve: compute migration, provisioning,
 *   approver roles) -> the locked workspace tried anyway -> final scan (timer) -> reports/demo.html + demo.md.
 * The demo is a client of the product: every change is made by the app's handlers and orchestrations.
 */
import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseResourceId } from '../arm/resource-id';
import { REQUIRED_RESOURCE_PROVIDER } from '../catalog/prerequisites';
import type { Workspace } from '../arm/types';
import type { DriftReport } from '../drift/report';
import { formatProblem, loadPolicyFile } from '../policy';
import type { NetworkView, RunReport } from '../report/model';
import { buildRunReport } from './build-report';
import { DEMO_APP_SUBSCRIPTIONS, startDemoEnvironment, type DemoEnvironment } from './environment';
import { readNetworkView } from './network-view';
import { createAndOnboard } from './phases/event-grid';
import { refusalOf, tryLockedWorkspaces, type LockedWorkspace } from './phases/locked';
import { planWorkspaces, stepLine } from './phases/plans';
import { planHeadline, remediate, remediationOrder } from './phases/remediate';
import { runScan, scanSummary } from './phases/scan';
import { DemoRecorder, silentProgress, type DemoProgress } from './recorder';
import { writeRunReport, type WrittenReport } from './write-report';

/** Package root from both src/demo and dist/demo. */
const PACKAGE_ROOT = resolve(__dirname, '..', '..');
export const DEFAULT_DEMO_POLICY = resolve(PACKAGE_ROOT, 'examples', 'demo-policy.yaml');

export interface DemoOptions {
  /** Where demo.html and demo.md go. */
  outDir: string;
  policyPath?: string;
  progress?: DemoProgress;
  /** Leave the emulator and runtime running (tests compare the report with the final state); call close(). */
  keepOpen?: boolean;
}

export interface DemoResult {
  report: RunReport;
  files: WrittenReport;
  firstScan: DriftReport;
  finalScan: DriftReport;
  /** Only with keepOpen. */
  environment?: DemoEnvironment;
}

async function listWorkspaces(env: DemoEnvironment): Promise<Workspace[]> {
  const all: Workspace[] = [];
  for (const sub of DEMO_APP_SUBSCRIPTIONS) all.push(...(await env.rt.arm.listWorkspaces(sub)));
  return all.sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
}

async function readViews(env: DemoEnvironment, workspaces: readonly Workspace[]): Promise<Map<string, NetworkView>> {
  const views = new Map<string, NetworkView>();
  for (const ws of workspaces) {
    const view = await readNetworkView(env.rt.arm, ws.id, env.nowIso());
    if (view !== undefined) views.set(ws.id.toLowerCase(), view);
  }
  return views;
}

/** `refused: scope lock` (the rule, from the recorded outcome) or the onboarding's result. */
function lockedOutcome(l: LockedWorkspace): string {
  const view = l.attempt?.view ?? {};
  const refusal = refusalOf(view);
  return refusal !== undefined ? `refused: ${refusal.rule.replace(/-/g, ' ')}` : String(view['result'] ?? '');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const realStart = performance.now();
  const policyPath = resolve(options.policyPath ?? DEFAULT_DEMO_POLICY);
  const loaded = await loadPolicyFile(policyPath);
  if (!loaded.ok) throw new Error(`${displayPath(policyPath)} is not a valid policy: ${loaded.problems.map(formatProblem).join('; ')}`);
  const policy = loaded.policy;
  const env = await startDemoEnvironment({ policyPath, policyDir: resolve(policyPath, '..') });
  const recorder = new DemoRecorder(() => env.clock.now(), () => performance.now(), options.progress ?? silentProgress);
  for (const w of loaded.warnings ?? []) recorder.warnings.push(`policy: ${formatProblem({ ...w, source: displayPath(policyPath), severity: 'warning' })}`);
  const startedAt = env.clock.now();
  try {
    const initial = await recorder.phase(
      'start',
      'Emulator up: scenario "demo"',
      async (lines) => {
        const workspaces = await listWorkspaces(env);
        const subs = new Set(workspaces.map((w) => parseResourceId(w.id).subscriptionId));
        lines.push(`${workspaces.length} workspaces in ${subs.size} subscriptions at ${env.emulator.url} (virtual clock)`);
        lines.push(`policy ${policy.name}: ${policy.managed_network.isolation_mode}, ${policy.managed_network.outbound_rules.length} rules, scope ${policy.scope.subscriptions.length} subscription(s)`);
        return { workspaces, before: await readViews(env, workspaces) };
      },
      (r) => `${r.workspaces.length} workspaces read through ARM`,
    );

    // Not scanned at all: subscriptions outside the policy (say why, from what ARM reports about them).
    const notScanned = new Map<string, string>();
    const scanned = DEMO_APP_SUBSCRIPTIONS.filter((s) => policy.scope.subscriptions.some((p) => p.toLowerCase() === s.toLowerCase()));
    for (const ws of initial.workspaces) {
      const sub = parseResourceId(ws.id).subscriptionId;
      if (scanned.includes(sub)) continue;
      const network = await env.rt.arm.getProviderRegistrationState(sub, REQUIRED_RESOURCE_PROVIDER);
      notScanned.set(ws.id.toLowerCase(), `skipped: subscription ${sub} is not in the policy scope (${REQUIRED_RESOURCE_PROVIDER} is ${network} there).`);
    }

    const first = await recorder.phase('scan', 'Timer: drift scan (driftScan orchestration, Resource Graph)', async (lines) => {
      const scan = await runScan(env);
      recorder.scans.before = scan.view;
      for (const d of scan.report.drifted) lines.push(`drifted: ${d.name} (${d.reasons.length} difference(s); first: ${clip(d.reasons[0] ?? '', 140)})`);
      for (const s of scan.report.skipped) lines.push(`skipped: ${s.workspaceId.split('/').pop() ?? ''} (${s.reason})`);
      return scan;
    }, (scan) => scanSummary(scan.view));

    const plans = await recorder.phase('plan', 'POST /plan for each drifted workspace', (lines) => planWorkspaces(env, recorder, first.report.drifted.map((d) => d.workspaceId), lines), (p) => `${p.size} plan(s), nothing started`);

    const created = await recorder.phase('event-grid', 'Event Grid: a new workspace is onboarded', (lines, status) => createAndOnboard(env, lines, status), (r) => `${r.workspaceId.split('/').pop() ?? ''}: ${String(r.view['result'] ?? r.view['state'])}${r.approvals.length > 0 ? ', approved by the platform lead' : ''}`);
    recorder.workspace(created.workspaceId).actions.push(...created.approvals);
    recorder.workspace(created.workspaceId).notes.push(`Created during the run; onboarded from an Event Grid event (a duplicate delivery was ${created.duplicate}).`);
    // The onboarding's own plan (the output's full plan once finished): nobody called POST /plan for it.
    const createdPlan = (created.view['plan'] ?? null) as { steps?: { id: string; kind: string; reason?: string }[] } | null;
    if (createdPlan?.steps) recorder.workspace(created.workspaceId).plannedSteps = createdPlan.steps.map((s) => (s.reason !== undefined ? stepLine({ kind: s.kind, reason: s.reason }) : `${s.kind}: ${s.id}`));

    let ticket = 1;
    for (const workspaceId of remediationOrder(plans)) {
      const plan = plans.get(workspaceId);
      if (plan === undefined) continue;
      const id = `INC-${String(1000 + ticket++)}`;
      await recorder.phase(`remediate-${plan.workspaceName}`, `Ticket ${id} for ${plan.workspaceName}: ${planHeadline(plan)}`, (lines, status) => remediate(env, recorder, workspaceId, id, lines, status), (r) => `${String(r.view['result'] ?? r.view['state'])}${r.approvals.length > 0 ? `, approved by ${r.approvals.length === 1 ? 'the platform lead' : `${r.approvals.length} approvals`}` : ''}`);
    }

    if (first.report.skipped.length > 0) {
      await recorder.phase('locked', 'Locked resource group: asked anyway, with a policy that includes it (the plan checks prerequisites first)', (lines, status) => tryLockedWorkspaces(env, recorder, first.report, policyPath, lines, status), (r) => (r.length === 0 ? 'no lock found' : r.map((l) => `${l.workspaceId.split('/').pop() ?? ''}: ${lockedOutcome(l)}, ${l.unchanged ? 'nothing changed' : 'CHANGED'}`).join('; ')));
    }

    const final = await recorder.phase('final-scan', 'Timer: final drift scan', async (lines) => {
      const scan = await runScan(env);
      recorder.scans.after = scan.view;
      for (const d of scan.report.drifted) lines.push(`still drifted: ${d.name}: ${d.reasons.join('; ')}`);
      for (const s of scan.report.skipped) lines.push(`skipped: ${s.workspaceId.split('/').pop() ?? ''} (${s.reason})`);
      return scan;
    }, (scan) => scanSummary(scan.view));

    const workspaces = await listWorkspaces(env);
    const after = await readViews(env, workspaces);
    const finishedAt = env.clock.now();
    const report = buildRunReport({
      title: 'mnet-autopilot demo run',
      policyName: policy.name,
      policySource: displayPath(policyPath),
      endpoint: env.emulator.url,
      startedAt,
      finishedAt,
      realMs: performance.now() - realStart,
      recorder,
      firstScan: first.report,
      finalScan: final.report,
      scannedSubscriptions: scanned,
      workspaces,
      before: initial.before,
      after,
      instances: await env.rt.host.listInstances(),
      notScanned,
    });
    const files = await writeRunReport(report, options.outDir);
    const result: DemoResult = { report, files, firstScan: first.report, finalScan: final.report };
    if (options.keepOpen) result.environment = env;
    else await env.close();
    return result;
  } catch (error) {
    await env.close();
    throw error;
  }
}
