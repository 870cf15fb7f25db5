/**
 * Remediation as a ticket system would ask for it: POST /requests per drifted workspace, the onboarding runs on
 * the local host, and the platform lead approves through POST /requests/{id}/approve when it waits.
 */
import type { Plan } from '../../planner/types';
import type { DemoEnvironment } from '../environment';
import type { DemoRecorder } from '../recorder';
import { followRequest, submitTicket, type FollowResult } from '../requests';

export const REQUESTER = 'cloud-governance@contoso.com';

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What the plan will do, in a few words (the phase title). */
export function planHeadline(plan: Plan): string {
  const parts: string[] = [];
  for (const step of plan.steps) {
    if (step.kind === 'migrate-computes') parts.push(`compute migration with approval (${count(step.params.computes.length, 'compute')}, ${count(step.params.onlineEndpoints.length, 'online endpoint')})`);
    if (step.kind === 'set-isolation-mode') parts.push(`${step.params.from} -> ${step.params.to}`);
    if (step.kind === 'assign-approver-roles') parts.push('approver roles');
    if (step.kind === 'provision-network') parts.push('provisioning');
    if (step.kind === 'govern-through-hub') parts.push('governed through its hub');
  }
  const rules = plan.steps.filter((s) => s.kind === 'add-rule' || s.kind === 'update-rule' || s.kind === 'remove-rule').length;
  if (rules > 0) parts.push(count(rules, 'rule change'));
  return parts.length > 0 ? parts.join(', ') : `${plan.steps.length} step(s)`;
}

/** Hubs before their projects, migrations (the long ones) last; otherwise the scan's order. */
export function remediationOrder(plans: ReadonlyMap<string, Plan>): string[] {
  const rank = (plan: Plan): number =>
    (plan.kind === 'Hub' ? 0 : plan.kind === 'Project' ? 1 : 2) + (plan.steps.some((s) => s.kind === 'migrate-computes') ? 10 : 0);
  return [...plans.entries()].sort((a, b) => rank(a[1]) - rank(b[1])).map(([id]) => id);
}

export interface Remediated extends FollowResult {
  instanceId: string;
}

export async function remediate(env: DemoEnvironment, recorder: DemoRecorder, workspaceId: string, ticketId: string, lines: string[], status: (text: string) => void, policy?: unknown): Promise<Remediated> {
  const { instanceId } = await submitTicket(env, { workspaceId, ticketId, requestedBy: REQUESTER, ...(policy !== undefined ? { policy } : {}) });
  lines.push(`POST /requests (ticket ${ticketId}) -> onboarding ${instanceId}`);
  status(`ticket ${ticketId}: running`);
  const followed = await followRequest(env, instanceId, status);
  const notes = recorder.workspace(workspaceId);
  notes.actions.push(...followed.approvals);
  for (const a of followed.approvals) lines.push(`approved by ${a.detail ?? ''}`.replace('approved by platform', 'platform'));
  const result = String(followed.view['result'] ?? followed.view['state']);
  const outcomes = Array.isArray(followed.view['outcomes']) ? followed.view['outcomes'].length : 0;
  lines.push(`result: ${result} (${outcomes} step(s) recorded)`);
  const errors = Array.isArray(followed.view['errors']) ? (followed.view['errors'] as { code?: unknown; message?: unknown }[]) : [];
  for (const e of errors) {
    const text = `${String(e.code)}: ${String(e.message)}`;
    lines.push(`error: ${text}`);
    notes.warnings.push(text);
  }
  return { ...followed, instanceId };
}
