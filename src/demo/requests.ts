/**
 * The demo as a client of the app's HTTP API: submit a ticket (POST /requests), let the local host run the
 * orchestration, read its status (GET /requests/{id}), and approve it (POST /requests/{id}/approve) when it asks.
 */
import { drive, isFinished, phaseOf } from '../cli/runtime/drive';
import type { InstanceStatus } from '../durable/local-host';
import { approveRequest } from '../functions/http-approvals';
import { getRequestStatus, postRequest } from '../functions/http-requests';
import { formatDuration } from '../report/format';
import type { StepView } from '../report/model';
import type { DemoEnvironment } from './environment';
import { callHttp, describeProblem } from './http';

export const APPROVER = 'platform-lead@contoso.com';

function waitKey(status: InstanceStatus | undefined): string {
  const custom = status?.customStatus;
  return JSON.stringify(typeof custom === 'object' && custom !== null ? ((custom as Record<string, unknown>)['waitingForApproval'] ?? null) : null);
}

/**
 * Runs the local host until the instance finished or waits for a person. `answered`: the wait just approved
 * (the instance still shows it until it has taken the approval in), which does not count.
 */
export async function settle(env: DemoEnvironment, instanceId: string, answered?: string, status?: (text: string) => void): Promise<'finished' | 'waiting-for-approval'> {
  const state = async (): Promise<'finished' | 'waiting-for-approval' | undefined> => {
    const status = await env.rt.host.getStatus(instanceId);
    if (isFinished(status)) return 'finished';
    return phaseOf(status) === 'waiting-for-approval' && waitKey(status) !== answered ? 'waiting-for-approval' : undefined;
  };
  await drive(env.rt.host, env.rt.time, {
    until: async () => (await state()) !== undefined,
    // The spinner's text on a terminal: where emulated time is, and what it jumps over.
    ...(status ? { onWait: (ms: number) => status(`${env.nowIso().slice(11, 19)} emulated: next timer in ${formatDuration(ms)}`) } : {}),
  });
  const reached = await state();
  if (reached === undefined) throw new Error(`orchestration ${instanceId} stopped without finishing or asking for approval`);
  return reached;
}

export async function requestView(env: DemoEnvironment, instanceId: string): Promise<Record<string, unknown>> {
  const res = await callHttp(getRequestStatus, env.invocation('httpGetRequest'), 'GET', `/requests/${instanceId}`, { params: { id: instanceId } });
  if (res.status !== 200) throw new Error(describeProblem(`GET /requests/${instanceId}`, res));
  return res.body;
}

export async function submitTicket(env: DemoEnvironment, body: Record<string, unknown>): Promise<{ instanceId: string; plan: unknown }> {
  const res = await callHttp(postRequest, env.invocation('httpSubmitRequest'), 'POST', '/requests', { body });
  if (res.status !== 202) throw new Error(describeProblem('POST /requests', res));
  const instanceId = res.body['instanceId'];
  if (typeof instanceId !== 'string') throw new Error('POST /requests answered without an instanceId');
  return { instanceId, plan: res.body['plan'] };
}

export interface FollowResult {
  view: Record<string, unknown>;
  /** The approvals given, as steps for the report. */
  approvals: StepView[];
}

/** Drives the request to its end, approving each time it waits (as the platform lead would). */
export async function followRequest(env: DemoEnvironment, instanceId: string, status: (text: string) => void): Promise<FollowResult> {
  const approvals: StepView[] = [];
  let answered: string | undefined;
  for (let round = 0; round < 5; round += 1) {
    if ((await settle(env, instanceId, answered, status)) === 'finished') return { view: await requestView(env, instanceId), approvals };
    answered = waitKey(await env.rt.host.getStatus(instanceId));
    const waiting = await requestView(env, instanceId);
    const wait = (waiting['waitingForApproval'] ?? {}) as { stepIds?: string[]; deadline?: string };
    const since = typeof waiting['lastUpdatedTime'] === 'string' ? waiting['lastUpdatedTime'] : env.nowIso();
    status(`waiting for approval of ${wait.stepIds?.join(', ') ?? 'the plan'}`);
    const comment = 'Reviewed the plan in the ticket; go ahead.';
    const res = await callHttp(approveRequest, env.invocation('httpApproveRequest'), 'POST', `/requests/${instanceId}/approve`, {
      params: { id: instanceId },
      body: { approver: APPROVER, comment },
    });
    if (res.status !== 202) throw new Error(describeProblem(`POST /requests/${instanceId}/approve`, res));
    const decided = env.nowIso();
    approvals.push({
      orchestration: 'POST /requests/{id}/approve',
      stepId: `approval:${round + 1}`,
      kind: 'approval',
      status: 'succeeded',
      startedAt: since,
      finishedAt: decided,
      durationMs: Date.parse(decided) - Date.parse(since),
      detail: `${APPROVER} approved ${wait.stepIds?.join(', ') ?? 'the plan'} (deadline ${wait.deadline ?? 'none'}): "${comment}"`,
    });
    status('approved; running');
  }
  throw new Error(`request ${instanceId} asked for approval more than 5 times`);
}
