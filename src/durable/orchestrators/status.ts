/**
 * The custom status an orchestration publishes (phase, current step, every outcome so far), rebuilt from
 * history on every replay. Kept small: Durable caps custom status at 16 KB, so the plan appears as a summary
 * (the full plan is in the output).
 */
import type { OrchestrationContext } from 'durable-functions';
import type { OrchestrationCustomStatus, OrchestrationPhase, StepOutcome, StepStatus } from '../contracts';
import type { Plan } from '../../planner/types';

export interface PlanSummary {
  compliant: boolean;
  refused?: string;
  steps: { id: string; kind: string; target: string; needsApproval: boolean; irreversible: boolean; costly: boolean; disruptive: boolean }[];
  warnings: string[];
}

export function summarizePlan(plan: Plan): PlanSummary {
  const summary: PlanSummary = {
    compliant: plan.compliant,
    steps: plan.steps.map((s) => ({ id: s.id, kind: s.kind, target: s.target, ...s.flags })),
    warnings: plan.warnings.map((w) => w.code),
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
    this.context.df.setCustomStatus({ ...this.status, outcomes: [...this.outcomes] });
  }
}
