/**
 * Assembles the RunReport from what was recorded: the scans' reports, the orchestrations' outputs and custom
 * status (every instance the local host ran), the demo's own notes, and the before/after reads through ARM.
 */
import { parseResourceId } from '../arm/resource-id';
import type { Workspace } from '../arm/types';
import type { StepOutcome } from '../durable/contracts';
import type { InstanceStatus } from '../durable/local-host';
import type { DriftReport } from '../drift/report';
import type { NetworkView, OrchestrationView, RunReport, StepView, WorkspaceReport, WorkspaceVerdict } from '../report/model';
import type { DemoRecorder } from './recorder';

export interface ReportInputs {
  title: string;
  policyName: string;
  policySource: string;
  endpoint: string;
  startedAt: number;
  finishedAt: number;
  realMs: number;
  recorder: DemoRecorder;
  firstScan: DriftReport;
  finalScan: DriftReport;
  /** Subscriptions each scan covered (a workspace elsewhere was not scanned at all). */
  scannedSubscriptions: readonly string[];
  workspaces: readonly Workspace[];
  before: ReadonlyMap<string, NetworkView>;
  after: ReadonlyMap<string, NetworkView>;
  instances: readonly InstanceStatus[];
  /** Why a workspace was not scanned, by lower-cased id (e.g. its subscription is not in the policy). */
  notScanned: ReadonlyMap<string, string>;
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function verdictIn(report: DriftReport, workspaceId: string, scannedSubscriptions: readonly string[]): { verdict: WorkspaceVerdict; reason?: string } {
  const same = (id: string): boolean => id.toLowerCase() === workspaceId.toLowerCase();
  const drifted = report.drifted.find((d) => same(d.workspaceId));
  if (drifted) return { verdict: 'drifted', reason: drifted.reasons[0] ?? '' };
  const refused = report.refused.find((r) => same(r.workspaceId));
  if (refused) return { verdict: 'refused', reason: `${refused.reason} [${refused.rule}]` };
  const skipped = report.skipped.find((s) => same(s.workspaceId));
  if (skipped) return { verdict: 'skipped', reason: skipped.reason };
  const sub = parseResourceId(workspaceId).subscriptionId.toLowerCase();
  if (!scannedSubscriptions.some((s) => s.toLowerCase() === sub)) return { verdict: 'skipped', reason: `subscription ${sub} was not scanned` };
  return { verdict: 'compliant' };
}

function workspaceIdOf(status: InstanceStatus): string | undefined {
  const id = obj(status.input)['workspaceId'];
  return typeof id === 'string' ? id : undefined;
}

function orchestrationView(status: InstanceStatus): OrchestrationView {
  const output = obj(status.output);
  const request = obj(obj(status.input)['request']);
  const view: OrchestrationView = {
    name: status.name,
    instanceId: status.instanceId,
    runtimeStatus: status.runtimeStatus,
    startedAt: status.createdTime.toISOString(),
    finishedAt: status.lastUpdatedTime.toISOString(),
    durationMs: status.lastUpdatedTime.getTime() - status.createdTime.getTime(),
  };
  if (typeof output['result'] === 'string') view.result = output['result'];
  else if (typeof output['status'] === 'string') view.result = output['status'];
  if (typeof request['trigger'] === 'string') view.trigger = request['trigger'];
  else if (status.parentInstanceId !== undefined) view.trigger = 'sub-orchestration';
  return view;
}

function outcomesOf(status: InstanceStatus): StepOutcome[] {
  const fromOutput = obj(status.output)['outcomes'];
  const list = Array.isArray(fromOutput) ? fromOutput : obj(status.customStatus)['outcomes'];
  return Array.isArray(list) ? (list as StepOutcome[]) : [];
}

function stepView(o: StepOutcome, orchestration: string): StepView {
  const view: StepView = {
    orchestration,
    stepId: o.stepId,
    kind: o.kind,
    status: o.status,
    startedAt: o.startedAt,
    finishedAt: o.finishedAt,
    durationMs: Math.max(0, Date.parse(o.finishedAt) - Date.parse(o.startedAt)),
  };
  if (o.detail !== undefined) view.detail = o.detail;
  if (o.error !== undefined) view.error = `${o.error.code}: ${o.error.message}`;
  return view;
}

function workspaceReport(ws: Workspace, inputs: ReportInputs): WorkspaceReport {
  const key = ws.id.toLowerCase();
  const notes = inputs.recorder.workspace(ws.id);
  const mine = inputs.instances.filter((s) => workspaceIdOf(s)?.toLowerCase() === key);
  // Top-level instances carry their children's outcomes: listing only theirs avoids showing a step twice.
  const steps = [
    ...mine.filter((s) => s.parentInstanceId === undefined).flatMap((s) => outcomesOf(s).map((o) => stepView(o, s.name))),
    ...notes.actions,
  ].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || Number(b.kind === 'approval') - Number(a.kind === 'approval'));
  const existedBefore = inputs.before.has(key);
  const first = verdictIn(inputs.firstScan, ws.id, inputs.scannedSubscriptions);
  const final = verdictIn(inputs.finalScan, ws.id, inputs.scannedSubscriptions);
  const noteParts = [...notes.notes];
  const unscanned = inputs.notScanned.get(key);
  if (unscanned !== undefined) noteParts.push(unscanned);
  else if (final.verdict === 'skipped' && notes.notes.length === 0 && final.reason) noteParts.push(`skipped: ${final.reason}`);
  const report: WorkspaceReport = {
    workspaceId: ws.id,
    name: ws.name,
    kind: ws.kind ?? 'Default',
    resourceGroup: parseResourceId(ws.id).resourceGroup ?? '',
    verdictBefore: existedBefore ? first.verdict : 'absent',
    verdictAfter: final.verdict,
    plannedSteps: notes.plannedSteps,
    orchestrations: mine.map(orchestrationView).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)),
    steps,
    warnings: [...new Set(notes.warnings)],
  };
  const before = inputs.before.get(key);
  const after = inputs.after.get(key);
  if (before !== undefined) report.before = before;
  if (after !== undefined) report.after = after;
  if (noteParts.length > 0) report.note = noteParts.join(' ');
  return report;
}

export function buildRunReport(inputs: ReportInputs): RunReport {
  const scanView = inputs.recorder.scans;
  return {
    title: inputs.title,
    policyName: inputs.policyName,
    policySource: inputs.policySource,
    endpoint: inputs.endpoint,
    startedAt: new Date(inputs.startedAt).toISOString(),
    finishedAt: new Date(inputs.finishedAt).toISOString(),
    emulatedMs: inputs.finishedAt - inputs.startedAt,
    realMs: inputs.realMs,
    phases: inputs.recorder.phases,
    scans: { ...(scanView.before ? { before: scanView.before } : {}), ...(scanView.after ? { after: scanView.after } : {}) },
    workspaces: inputs.workspaces.map((ws) => workspaceReport(ws, inputs)),
    warnings: inputs.recorder.warnings,
  };
}
