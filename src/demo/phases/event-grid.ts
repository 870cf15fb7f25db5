/**
 * A data scientist creates a workspace outside the product (a plain ARM PUT, no managed network); Event Grid
 * delivers Microsoft.Resources.ResourceWriteSuccess to eventGridWorkspaceChanged, which starts the onboarding.
 */
import type { EventGridEvent } from '@azure/functions';
import { eventGridWorkspaceChanged } from '../../functions/event-grid-workspace-changed';
import type { DemoEnvironment } from '../environment';
import { followRequest, type FollowResult } from '../requests';

export const NEW_WORKSPACE = {
  subscriptionId: '00000000-0000-0000-0000-000000000001',
  resourceGroup: 'rg-ml-prod',
  name: 'ws-fraud-detection',
};

export function newWorkspaceId(): string {
  const w = NEW_WORKSPACE;
  return `/subscriptions/${w.subscriptionId}/resourceGroups/${w.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${w.name}`;
}

export interface OnboardedByEvent extends FollowResult {
  workspaceId: string;
  instanceId: string;
  duplicate: string;
}

export async function createAndOnboard(env: DemoEnvironment, lines: string[], status: (text: string) => void): Promise<OnboardedByEvent> {
  const workspaceId = newWorkspaceId();
  status('creating the workspace (ARM PUT)');
  await env.rt.arm.createWorkspaceAndWait(workspaceId, {
    location: 'eastus',
    tags: { owner: 'fraud-team' },
    properties: { friendlyName: 'Fraud detection', description: 'Created by a data scientist, outside mnet-autopilot' },
  });
  lines.push(`${NEW_WORKSPACE.name} created with a plain ARM PUT (no managed network)`);
  const event = {
    id: `evt-${NEW_WORKSPACE.name}`,
    topic: `/subscriptions/${NEW_WORKSPACE.subscriptionId}`,
    subject: workspaceId,
    eventType: 'Microsoft.Resources.ResourceWriteSuccess',
    eventTime: env.nowIso(),
    dataVersion: '',
    metadataVersion: '1',
    data: {
      subscriptionId: NEW_WORKSPACE.subscriptionId,
      resourceGroup: NEW_WORKSPACE.resourceGroup,
      resourceProvider: 'Microsoft.MachineLearningServices',
      resourceUri: workspaceId,
      operationName: 'Microsoft.MachineLearningServices/workspaces/write',
      status: 'Succeeded',
      correlationId: `corr-${NEW_WORKSPACE.name}`,
    },
  } as EventGridEvent;
  const first = await eventGridWorkspaceChanged(event, env.invocation('eventGridWorkspaceChanged'));
  if (first.action !== 'started') throw new Error(`Event Grid handler did not start the onboarding: ${JSON.stringify(first)}`);
  // Event Grid delivers at least once: the same event again finds the running instance.
  const again = await eventGridWorkspaceChanged(event, env.invocation('eventGridWorkspaceChanged'));
  lines.push(`Event Grid ResourceWriteSuccess -> onboarding ${first.instanceId} started; a duplicate delivery -> ${again.action}`);
  const followed = await followRequest(env, first.instanceId, status);
  return { ...followed, workspaceId, instanceId: first.instanceId, duplicate: again.action };
}
