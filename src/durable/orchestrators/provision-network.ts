/**
 * provisionNetwork: starts manual provisioning (one activity), then reads the workspace on durable timers with
 * growing intervals (1, 2, 4, then every 5 minutes) until the managed network is Active (and Spark ready when
 * asked) or the timeout passes; on timeout it FAILS, saying what was done and what was not. The provisioning
 * operation itself is polled as well, so a failed operation ends the wait at once. Long waits continue as new
 * every few dozen polls to keep the history short.
 */
import type { OrchestrationContext } from 'durable-functions';
import type { LroHandle } from '../../arm/client/lro-types';
import { ACTIVITIES } from '../activities/names';
import type { PollOperationOutput } from '../activities/operations';
import type { NetworkStatus } from '../activities/read-network-status';
import type { StartProvisionNetworkOutput } from '../activities/start-provision-network';
import type { ProvisionNetworkInput, ProvisionNetworkOutput, ProvisionProgress } from '../contracts';
import { describeFailure, orchestrationFailure } from './failure';
import { addMinutes, nextDelaySeconds, PROVISIONING_POLL, sleep } from './poll';
import { callActivity } from './retry';
import { StatusBoard } from './status';
import type { Orchestration } from './types';

/**
 * Polls per generation before continuing as new. With polls capped at 1 minute, 60 keeps a usual 30-40 minute
 * provisioning in one history (~8 events a poll), and a much longer wait still gets fresh ones.
 */
export const POLLS_PER_GENERATION = 60;

interface Carried extends ProvisionProgress {
  handle?: LroHandle;
}

export function* provisionNetworkOrchestrator(context: OrchestrationContext): Orchestration<ProvisionNetworkOutput | undefined> {
  const input = context.df.getInput<ProvisionNetworkInput & { progress?: Carried }>();
  const board = new StatusBoard(context, { workspaceId: input.workspaceId, phase: 'provisioning', ...(input.request?.ticketId ? { ticketId: input.request.ticketId } : {}) });
  const wanted = `Active${input.includeSpark ? ' with Spark ready' : ''}`;

  let progress: Carried;
  if (input.progress === undefined) {
    const now = context.df.currentUtcDateTime;
    progress = {
      startedAt: now.toISOString(),
      deadline: addMinutes(now, input.timeoutMinutes).toISOString(),
      polls: 0,
      nextDelaySeconds: PROVISIONING_POLL.initialSeconds,
    };
    if (input.alreadyStarted !== true) {
      board.phase('provisioning', { currentStep: 'start', message: 'requesting provisioning of the managed network' });
      try {
        const started = (yield callActivity(context, ACTIVITIES.startProvisionNetwork, {
          workspaceId: input.workspaceId,
          includeSpark: input.includeSpark,
        })) as StartProvisionNetworkOutput;
        progress.handle = started.handle;
      } catch (err) {
        const f = describeFailure(err);
        const message = `Provisioning of the managed network could not be started (${f.code}: ${f.message}). Nothing was provisioned.`;
        board.phase('failed', { message });
        throw orchestrationFailure('ProvisioningNotStarted', message);
      }
    }
  } else {
    progress = input.progress;
  }

  const deadline = new Date(progress.deadline);
  let generationPolls = 0;
  for (;;) {
    board.phase('provisioning', { currentStep: 'wait', message: `waiting for the managed network to be ${wanted} (check ${progress.polls + 1}, until ${progress.deadline})` });
    const status = (yield callActivity(context, ACTIVITIES.readNetworkStatus, { workspaceId: input.workspaceId, rules: false })) as NetworkStatus;
    progress.polls += 1;
    generationPolls += 1;
    if (status.status === 'Active' && (!input.includeSpark || status.sparkReady)) {
      const finishedAt = context.df.currentUtcDateTime.toISOString();
      board.phase('completed', { message: `managed network ${wanted}` });
      return { workspaceId: input.workspaceId, status: 'Active', sparkReady: status.sparkReady, startedAt: progress.startedAt, finishedAt, polls: progress.polls };
    }
    if (progress.handle !== undefined) {
      const poll = (yield callActivity(context, ACTIVITIES.pollOperation, { handle: progress.handle })) as PollOperationOutput;
      if (poll.status === 'Failed' || poll.status === 'Canceled') {
        const message =
          `Provisioning of the managed network ${poll.status.toLowerCase()}: ${poll.error?.code ?? 'unknown'} ${poll.error?.message ?? ''}`.trim() +
          `. Done: provisioning was requested at ${progress.startedAt}. Not done: the network is ${status.status}; computes cannot be created in it.`;
        board.phase('failed', { message });
        throw orchestrationFailure('ProvisioningFailed', message);
      }
      // Succeeded but the workspace does not say Active yet: keep reading the workspace only.
      progress.handle = poll.status === 'InProgress' ? poll.handle : undefined;
    }
    const now = context.df.currentUtcDateTime;
    if (now.getTime() >= deadline.getTime()) {
      const minutes = Math.round((now.getTime() - new Date(progress.startedAt).getTime()) / 60_000);
      const message =
        `The managed network was not ${wanted} after ${minutes} minutes (status ${status.status}, sparkReady ${String(status.sparkReady)}, ` +
        `${progress.polls} checks). Done: provisioning was ${input.alreadyStarted === true ? 'started at creation' : `requested at ${progress.startedAt}`}; ` +
        'the isolation mode and rules applied before it stay applied. Not done: the network is not provisioned, so computes ' +
        'cannot be created in it yet. Check the workspace, then provision again (or raise provisioning.timeout_minutes).';
      board.phase('failed', { message });
      throw orchestrationFailure('ProvisioningTimedOut', message);
    }
    yield* sleep(context, progress.nextDelaySeconds, deadline);
    progress.nextDelaySeconds = nextDelaySeconds(progress.nextDelaySeconds, PROVISIONING_POLL);
    if (generationPolls >= POLLS_PER_GENERATION) {
      // A fresh history for very long waits; the deadline and progress travel in the input.
      context.df.continueAsNew({ ...input, progress });
      return undefined;
    }
  }
}
