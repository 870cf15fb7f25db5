/** Event Grid events as Azure delivers them (ResourceWriteSuccess), for the storm and the bad-input corpus. */
import type { EventGridEvent } from '@azure/functions';
import type { Random } from '../../../src/emulator/prng';

export const WORKSPACE_WRITE = 'Microsoft.MachineLearningServices/workspaces/write';

export function resourceWriteEvent(resourceUri: string, id: string, overrides: Partial<EventGridEvent> = {}, data: Record<string, unknown> = {}): EventGridEvent {
  const sub = resourceUri.split('/')[2] ?? '';
  return {
    id,
    topic: `/subscriptions/${sub}`,
    subject: resourceUri,
    eventType: 'Microsoft.Resources.ResourceWriteSuccess',
    eventTime: '2025-01-01T10:00:00.0000000Z',
    data: {
      tenantId: '00000000-0000-0000-0000-0000000000aa',
      subscriptionId: sub,
      resourceGroup: resourceUri.split('/')[4] ?? '',
      resourceProvider: 'Microsoft.MachineLearningServices',
      resourceUri,
      operationName: WORKSPACE_WRITE,
      status: 'Succeeded',
      correlationId: `corr-${id}`,
      ...data,
    },
    dataVersion: '2',
    metadataVersion: '1',
    ...overrides,
  };
}

/** Fisher-Yates with a seeded PRNG: the same seed, the same order. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
