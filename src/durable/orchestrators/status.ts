/**
 * The custom status an orchestration publishes (phase, current step, every outcome so far), rebuilt from
 * history on every replay. Kept small: Durable caps custom status at 16 KB, so the plan appears as a summary
 * (the full plan is in the output).
 */
import type { OrchestrationContext } from 'durable-functions';
import type { OrchestrationCustomStatus, OrchestrationPhase, StepOutcome, StepStatus } from '../contracts';
import type { Plan } from '../../planner/types';

export interface PlanSummary {
  policyName: string;
  actualMode: string;
  desiredMode: string;
  compliant: boolean;
  refused?: string;
  estimatedMinutes: number;
  stepCount: number;
  /** At most MAX_SUMMARY_STEPS; `stepCount` tells how many there are. */
  steps: { id: string; kind: string; target: string; reason: string; needsApproval: boolean; irreversible: boolean; costly: boolean; disruptive: boolean }[];
  warnings: { code: string; message: string }[];
}

const MAX_SUMMARY_STEPS = 25;
const MAX_SUMMARY_WARNINGS = 10;
const MAX_TEXT = 160;

function clip(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

/** What an approver needs to see, bounded in size. */
export function summarizePlan(plan: Plan): PlanSummary {
  const summary: PlanSummary = {
    policyName: plan.policyName,
    actualMode: plan.actualMode,
    desiredMode: plan.desiredMode,
    compliant: plan.compliant,
    estimatedMinutes: plan.estimatedMinutes,
    stepCount: plan.steps.length,
    steps: plan.steps.slice(0, MAX_SUMMARY_STEPS).map((s) => ({ id: s.id, kind: s.kind, target: s.target, reason: clip(s.reason), ...s.flags })),
    warnings: plan.warnings.slice(0, MAX_SUMMARY_WARNINGS).map((w) => ({ code: w.code, message: clip(w.message) })),
  };
  if (plan.refused) summary.refused = plan.refused.reason;
  return summary;
}

export class StatusBoard {
  readonly outcomes: StepOutcome[] = [];
  private status: OrchestrationCustomStatus;

  constructor(
    private readonly context: OrchestrationContext,
    base: { workspaceId?: string; ticketId?: string; phase?: OrchestrationPhase },
  ) {
    this.status = { phase: base.phase ?? 'reading', outcomes: this.outcomes };
    if (base.workspaceId !== undefined) this.status.workspaceId = base.workspaceId;
    if (base.ticketId !== undefined) this.status.ticketId = base.ticketId;
    this.publish();
  }

  now(): string {
    return this.context.df.currentUtcDateTime.toISOString();
  }

  phase(phase: OrchestrationPhase, extra: { currentStep?: string; message?: string } = {}): void {
    this.status.phase = phase;
    if (extra.currentStep === undefined) delete this.status.currentStep;
    else this.status.currentStep = extra.currentStep;
    if (extra.message === undefined) delete this.status.message;
    else this.status.message = extra.message;
    delete this.status.waitingForApproval;
    this.publish();
  }

  plan(plan: unknown): void {
    this.status.plan = plan;
    this.publish();
  }

  waiting(stepIds: string[], deadline: string, message: string): void {
    this.status.phase = 'waiting-for-approval';
    this.status.waitingForApproval = { stepIds, deadline };
    this.status.message = message;
    this.publish();
  }

  record(outcome: StepOutcome): StepOutcome {
    this.outcomes.push(outcome);
    this.publish();
    return outcome;
  }

  /** Records a step that took no time (planned, skipped, rejected...). */
  mark(stepId: string, kind: string, status: StepStatus, detail?: string): StepOutcome {
    const at = this.now();
    const outcome: StepOutcome = { stepId, kind, status, startedAt: at, finishedAt: at };
    if (detail !== undefined) outcome.detail = detail;
    return this.record(outcome);
  }

  addOutcomes(outcomes: readonly StepOutcome[]): void {
    this.outcomes.push(...outcomes);
    this.publish();
  }

  private publish(): void {
    this.context.df.setCustomStatus(fitCustomStatus({ ...this.status, outcomes: [...this.outcomes] }));
  }
}

/** Durable rejects custom status over 16 KB; stay well under it, whatever the plan and outcome count. */
export const CUSTOM_STATUS_BUDGET = 14_000;

function clipOutcome(o: StepOutcome, length: number): StepOutcome {
  const out: StepOutcome = { ...o };
  if (out.detail !== undefined && out.detail.length > length) out.detail = `${out.detail.slice(0, length - 1)}…`;
  if (out.error !== undefined && out.error.message.length > length) out.error = { code: out.error.code, message: `${out.error.message.slice(0, length - 1)}…` };
  return out;
}

/**
 * Trims, in order, until the status fits: long texts, then older outcomes (the output keeps them all), then the
 * plan's step list. Deterministic: it depends on the data only.
 */
export function fitCustomStatus(status: OrchestrationCustomStatus): OrchestrationCustomStatus {
  const size = (s: OrchestrationCustomStatus): number => JSON.stringify(s).length;
  if (size(status) <= CUSTOM_STATUS_BUDGET) return status;
  let fitted: OrchestrationCustomStatus = { ...status, outcomes: status.outcomes.map((o) => clipOutcome(o, 160)) };
  for (const keep of [20, 10, 5]) {
    if (size(fitted) <= CUSTOM_STATUS_BUDGET) return fitted;
    const omitted = status.outcomes.length - keep;
    if (omitted > 0) fitted = { ...fitted, outcomes: fitted.outcomes.slice(-keep), outcomesOmitted: omitted };
  }
  const plan = fitted.plan as PlanSummary | undefined;
  if (size(fitted) > CUSTOM_STATUS_BUDGET && plan !== undefined && Array.isArray(plan.steps)) {
    fitted = { ...fitted, plan: { ...plan, steps: plan.steps.slice(0, 5), warnings: plan.warnings.slice(0, 3) } };
  }
  if (size(fitted) > CUSTOM_STATUS_BUDGET) fitted = { ...fitted, plan: undefined, message: fitted.message?.slice(0, 500) };
  return fitted;
}
