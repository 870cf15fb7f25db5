/** Human-readable rendering of a Plan: header, step table, per-step details, estimate, warnings. */
import { tryParseResourceId } from '../../arm/resource-id';
import type { PlanStep, StepFlags } from '../../planner/steps';
import type { Plan } from '../../planner/types';
import type { Style } from './style';
import { renderTable } from './table';

/** Resource ids shown by name (the JSON output keeps the full id). */
export function shortTarget(target: string): string {
  return tryParseResourceId(target)?.name ?? target;
}

export function flagWords(flags: StepFlags, style: Style): string {
  const words: string[] = [];
  if (flags.irreversible) words.push(style.red('IRREVERSIBLE'));
  if (flags.costly) words.push(style.yellow('COSTLY'));
  if (flags.disruptive) words.push(style.magenta('DISRUPTIVE'));
  if (flags.needsApproval) words.push(style.cyan('APPROVAL'));
  return words.length > 0 ? words.join(' ') : '-';
}

function details(step: PlanStep): string[] {
  switch (step.kind) {
    case 'migrate-computes': {
      const p = step.params;
      const lines = [
        `computes deleted and recreated after provisioning: ${p.computes.map((c) => `${c.name} (${c.computeType}${c.vmSize ? `, ${c.vmSize}` : ''})`).join(', ') || 'none'}`,
      ];
      if (p.onlineEndpoints.length > 0) {
        lines.push(`online endpoints recreated: ${p.onlineEndpoints.map((e) => `${e.name} [${e.deployments.join(', ')}]`).join(', ')}`);
      }
      if (p.skipped.length > 0) lines.push(`left in place: ${p.skipped.map((c) => `${c.name} (${c.reason})`).join(', ')}`);
      lines.push(`approval: ${p.approval}, up to ${p.maxParallelDeletes} deletes at a time`);
      return lines;
    }
    case 'assign-approver-roles':
      return step.params.assignments.map((a) => `${a.role.name} -> ${a.principalId} on ${a.scope}`);
    case 'set-isolation-mode':
      return step.params.requiresConfirmation ? ['needs explicit confirmation'] : [];
    case 'provision-network':
      return [`includeSpark: ${step.params.includeSpark}, timeout ${step.params.timeoutMinutes} min`];
    default:
      return [];
  }
}

export function renderPlan(plan: Plan, style: Style): string[] {
  const lines: string[] = [];
  lines.push(`${style.bold(`Plan for ${plan.workspaceName}`)} (${plan.kind}) ${style.dim(plan.workspaceId)}`);
  lines.push(`Policy ${plan.policyName}: ${plan.actualMode}${plan.actualMode === plan.desiredMode ? '' : ` -> ${plan.desiredMode}`}`);
  lines.push('');
  if (plan.refused !== undefined) {
    lines.push(`${style.red('refused:')} ${plan.refused.reason} [${plan.refused.rule}]`);
  } else if (plan.steps.length === 0) {
    lines.push(style.green('compliant: nothing to do'));
  } else {
    const rows = plan.steps.map((step, i) => [
      String(i + 1),
      step.kind,
      shortTarget(step.target),
      flagWords(step.flags, style),
      step.estimatedMinutes === undefined ? '' : String(step.estimatedMinutes),
      step.reason,
    ]);
    lines.push(
      ...renderTable(
        [{ header: '#', align: 'right' }, { header: 'STEP' }, { header: 'TARGET' }, { header: 'FLAGS' }, { header: 'MIN', align: 'right' }, { header: 'REASON' }],
        rows,
      ),
    );
    const extra = plan.steps.flatMap((step, i) => details(step).map((d) => `  ${i + 1}. ${d}`));
    if (extra.length > 0) lines.push('', ...extra);
    lines.push('', `Estimated time: ${plan.estimatedMinutes} min${plan.steps.some((s) => s.kind === 'migrate-computes') ? ' (plus compute migration)' : ''}`);
  }
  if (plan.warnings.length > 0) {
    lines.push('', style.bold('Warnings:'));
    for (const w of plan.warnings) lines.push(`  ${style.yellow('!')} ${w.message} [${w.code}]`);
  }
  return lines;
}
