/**
 * Runs a set of ARM operations with dependencies as ONE fan-out: every operation starts as soon as the ones it
 * comes after have succeeded and a slot is free (at most `maxParallel` in flight), so independent chains (a
 * compute create; an endpoint, then its deployments, then its traffic) overlap instead of running phase by phase.
 * Each in-flight operation is polled on its own growing schedule (OPERATION_POLL, from the service's Retry-After);
 * one durable timer per round wakes the orchestration at the earliest due poll, and every poll due by then (plus a
 * few seconds, to share wake-ups) goes out together. Deterministic: order and times come from the node list and
 * context.df.currentUtcDateTime only.
 */
import type { OrchestrationContext, Task } from 'durable-functions';
import { ACTIVITIES } from '../activities/names';
import type { PollOperationOutput, PresenceKind, ResourcePresence } from '../activities/operations';
import type { StartOutcome } from '../activities/start-delete';
import { presenceVerdict, type StartedOperation } from './await-operations';
import { addMinutes, nextDelaySeconds, OPERATION_POLL, sleep } from './poll';
import { callActivity } from './retry';
import { settleAll } from './settle';
import type { Orchestration } from './types';

/** Polls due within this many seconds of the earliest one go out in the same round (fewer wake-ups). */
const POLL_COALESCE_SECONDS = 5;

export interface GraphNode {
  label: string;
  kind: PresenceKind;
  /** Start activity: returns a StartOutcome (reads first, so a retry never writes twice). */
  activity: string;
  input: unknown;
  /** Labels that must have SUCCEEDED before this node starts. */
  after: string[];
  /** Reported when a predecessor failed; undefined: the node is dropped silently (its predecessor's failure says it). */
  blockedReason?: string;
  /**
   * When the start finds the resource already there in state Failed: start this delete, wait until the resource
   * is gone, then run the start activity again (once). Without it, such a resource is a failure.
   */
  replaceFailed?: { activity: string; input: unknown };
}

export interface GraphResult {
  /** In node order. */
  done: string[];
  failed: { label: string; error: string }[];
  /** Found in state Failed, deleted and started again. */
  replaced: string[];
}

interface InFlight {
  node: GraphNode;
  stage: 'create' | 'delete';
  op: StartedOperation;
  delaySeconds: number;
  dueAt: number;
  deadline: number;
}

interface Starting {
  node: GraphNode;
  stage: 'create' | 'delete';
}

function isFailedState(state: string | undefined): boolean {
  return (state ?? '').toLowerCase() === 'failed';
}

export function* runOperationGraph(
  context: OrchestrationContext,
  nodes: GraphNode[],
  maxParallel: number,
  timeoutMinutes: number,
): Orchestration<GraphResult> {
  const limit = Math.max(1, Math.floor(maxParallel));
  const status = new Map<string, 'waiting' | 'busy' | 'done' | 'failed' | 'dropped'>(nodes.map((n) => [n.label, 'waiting']));
  const errors = new Map<string, string>();
  const replaced = new Set<string>();
  let inFlight: InFlight[] = [];
  /** Nodes whose Failed resource is gone: started again in the slot they hold. */
  let restarts: Starting[] = [];
  /** Nodes whose Failed resource must be deleted first: also hold their slot. */
  let deletes: Starting[] = [];

  const fail = (node: GraphNode, error: string): void => {
    status.set(node.label, 'failed');
    errors.set(node.label, error);
  };

  for (;;) {
    // Predecessor failed: fail (or drop) in node order, which lists predecessors first.
    for (const node of nodes) {
      if (status.get(node.label) !== 'waiting') continue;
      if (node.after.some((a) => status.get(a) === 'failed' || status.get(a) === 'dropped')) {
        if (node.blockedReason === undefined) status.set(node.label, 'dropped');
        else fail(node, node.blockedReason);
      }
    }
    const held = inFlight.length + restarts.length + deletes.length;
    const fresh: Starting[] = [];
    for (const node of nodes) {
      if (held + fresh.length >= limit) break;
      if (status.get(node.label) === 'waiting' && node.after.every((a) => status.get(a) === 'done')) fresh.push({ node, stage: 'create' });
    }
    const starting = [...deletes, ...restarts, ...fresh];
    deletes = [];
    restarts = [];

    if (starting.length > 0) {
      for (const s of starting) status.set(s.node.label, 'busy');
      const tasks: Task[] = starting.map((s) =>
        s.stage === 'delete' && s.node.replaceFailed !== undefined
          ? callActivity(context, s.node.replaceFailed.activity, s.node.replaceFailed.input)
          : callActivity(context, s.node.activity, s.node.input),
      );
      const settled = yield* settleAll<StartOutcome>(context, tasks);
      const now = context.df.currentUtcDateTime.getTime();
      starting.forEach((s, i) => {
        const r = settled[i];
        if (r === undefined) return;
        if (!r.ok) {
          fail(s.node, `${r.error.code}: ${r.error.message}`);
          return;
        }
        const start = r.value;
        if (start.state === 'done') {
          if (s.stage === 'delete') {
            restarts.push({ node: s.node, stage: 'create' }); // already gone
          } else if (isFailedState(start.provisioningState)) {
            if (s.node.replaceFailed !== undefined && !replaced.has(s.node.label)) {
              replaced.add(s.node.label);
              deletes.push({ node: s.node, stage: 'delete' });
            } else {
              fail(s.node, 'exists in state Failed');
            }
          } else {
            status.set(s.node.label, 'done');
          }
          return;
        }
        const hinted = start.state === 'started' ? start.handle.retryAfterSeconds : OPERATION_POLL.initialSeconds;
        const delaySeconds = Math.min(OPERATION_POLL.maxSeconds, Math.max(OPERATION_POLL.initialSeconds, hinted));
        inFlight.push({
          node: s.node,
          stage: s.stage,
          op: { label: s.node.label, kind: s.node.kind, expect: s.stage === 'delete' ? 'gone' : 'present', start },
          delaySeconds,
          dueAt: now + delaySeconds * 1000,
          deadline: addMinutes(context.df.currentUtcDateTime, timeoutMinutes).getTime(),
        });
      });
      // Immediate outcomes may have unlocked successors or freed slots: start those before waiting.
      continue;
    }

    if (inFlight.length === 0) break;

    // One timer to the earliest due poll (never past an operation's deadline).
    const earliest = Math.min(...inFlight.map((f) => Math.min(f.dueAt, f.deadline)));
    const now0 = context.df.currentUtcDateTime.getTime();
    if (earliest > now0) yield* sleep(context, (earliest - now0) / 1000);
    const now = context.df.currentUtcDateTime.getTime();
    const due = inFlight.filter((f) => f.dueAt <= now + POLL_COALESCE_SECONDS * 1000 || f.deadline <= now);
    const waiting = inFlight.filter((f) => !due.includes(f));
    const tasks: Task[] = due.map((f) =>
      f.op.start.state === 'started'
        ? callActivity(context, ACTIVITIES.pollOperation, { handle: f.op.start.handle })
        : callActivity(context, ACTIVITIES.readResourcePresence, { kind: f.op.kind, resourceId: f.op.start.resourceId }),
    );
    const settled = yield* settleAll<PollOperationOutput | ResourcePresence>(context, tasks);
    const after = context.df.currentUtcDateTime.getTime();
    const next: InFlight[] = [];
    due.forEach((f, i) => {
      const s = settled[i];
      if (s === undefined) return;
      if (!s.ok) {
        fail(f.node, `${s.error.code}: ${s.error.message}`);
        return;
      }
      let verdict: 'ok' | 'pending' | string;
      let current = f;
      if (f.op.start.state === 'started') {
        const poll = s.value as PollOperationOutput;
        verdict = poll.status === 'Succeeded' ? 'ok' : poll.status === 'InProgress' ? 'pending' : `${poll.status}: ${poll.error?.code ?? ''} ${poll.error?.message ?? ''}`.trim();
        if (verdict === 'pending') current = { ...f, op: { ...f.op, start: { ...f.op.start, handle: poll.handle } } };
      } else {
        verdict = presenceVerdict(f.op, s.value as ResourcePresence);
      }
      if (verdict === 'ok') {
        if (f.stage === 'delete') restarts.push({ node: f.node, stage: 'create' });
        else status.set(f.node.label, 'done');
      } else if (verdict !== 'pending') {
        fail(f.node, f.stage === 'delete' ? `deleting the Failed resource: ${verdict}` : verdict);
      } else if (after >= f.deadline) {
        fail(f.node, `not finished by ${new Date(f.deadline).toISOString()}`);
      } else {
        const delaySeconds = nextDelaySeconds(f.delaySeconds, OPERATION_POLL);
        next.push({ ...current, delaySeconds, dueAt: after + delaySeconds * 1000 });
      }
    });
    inFlight = [...waiting, ...next];
  }

  const out: GraphResult = { done: [], failed: [], replaced: nodes.filter((n) => replaced.has(n.label) && status.get(n.label) === 'done').map((n) => n.label) };
  for (const node of nodes) {
    const st = status.get(node.label);
    if (st === 'done') out.done.push(node.label);
    else if (st === 'failed') out.failed.push({ label: node.label, error: errors.get(node.label) ?? 'failed' });
    else if (st !== 'dropped') out.failed.push({ label: node.label, error: 'not started' });
  }
  return out;
}
