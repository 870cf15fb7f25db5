/**
 * Event Grid: a resource was written. Workspace writes in scope start (or find) the workspace's onboarding;
 * everything else is acknowledged and ignored. Unexpected failures are rethrown so Event Grid redelivers.
 */
import type { EventGridEvent, InvocationContext } from '@azure/functions';
import { appServices, serviceContext } from '../service/app-services';
import { errorSummary, structuredLogger } from '../service/structured-log';
import { handleWorkspaceEvent, type WorkspaceEventOutcome } from '../service/workspace-event-service';

export async function eventGridWorkspaceChanged(event: EventGridEvent, context: InvocationContext): Promise<WorkspaceEventOutcome> {
  try {
    const ctx = serviceContext(await appServices(), context, { trigger: 'eventgrid' });
    return await handleWorkspaceEvent(ctx, event);
  } catch (error) {
    structuredLogger(context, { invocationId: context.invocationId, functionName: context.functionName }).error('event.failed', {
      eventId: typeof event?.id === 'string' ? event.id.slice(0, 100) : undefined,
      error: errorSummary(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    throw error;
  }
}
