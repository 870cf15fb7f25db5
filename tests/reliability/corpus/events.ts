/**
 * Malformed or irrelevant Event Grid deliveries: every one must be acknowledged and ignored (never start an
 * onboarding, never throw, or Event Grid would redeliver it forever), with a reason that names what is wrong.
 * The app is configured for SUB and SUB2; the policy excludes ws-excluded and covers resource group rg-ml only.
 */
import type { EventGridEvent } from '@azure/functions';
import { resourceWriteEvent } from '../support/events';

export const EVENT_SUB = '00000000-0000-0000-0000-000000000001';
export const EVENT_SUB2 = '00000000-0000-0000-0000-000000000002';
const OTHER_SUB = '99999999-9999-4999-8999-999999999999';

export const EVENT_POLICY = {
  name: 'events',
  scope: { subscriptions: [EVENT_SUB, EVENT_SUB2], resource_groups: ['rg-ml'], exclude: ['ws-excluded'] },
  managed_network: { isolation_mode: 'allow_internet_outbound' },
};

export interface EventCase {
  name: string;
  /** Anything a delivery could carry; the handler receives it as an EventGridEvent. */
  event: unknown;
  reason: string;
}

const ws = (name: string, rg = 'rg-ml', sub = EVENT_SUB): string => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;
const GOOD = ws('ws-good');

function event(overrides: Partial<EventGridEvent> = {}, data: Record<string, unknown> = {}, uri = GOOD): EventGridEvent {
  return resourceWriteEvent(uri, 'evt-bad', overrides, data);
}

/** The control case: a well-formed workspace write in scope, which must start an onboarding. */
export const VALID_EVENT: EventGridEvent = resourceWriteEvent(GOOD, 'evt-good');

/** The event with `data` replaced wholesale. */
function withData(data: unknown): unknown {
  return { ...event(), data };
}

const e = (name: string, reason: string, ev: unknown): EventCase => ({ name, event: ev, reason });

export const EVENT_CORPUS: readonly EventCase[] = [
  // Not a resource write.
  e('delete event', 'not a resource write', event({ eventType: 'Microsoft.Resources.ResourceDeleteSuccess' })),
  e('write failure event', 'not a resource write', event({ eventType: 'Microsoft.Resources.ResourceWriteFailure' })),
  e('action event', 'not a resource write', event({ eventType: 'Microsoft.Resources.ResourceActionSuccess' })),
  e('eventType missing', 'not a resource write', { ...event(), eventType: undefined }),
  e('eventType a number', 'not a resource write', { ...event(), eventType: 42 }),
  e('eventType in lower case', 'not a resource write', event({ eventType: 'microsoft.resources.resourcewritesuccess' })),
  e('subscription validation handshake', 'not a resource write', event({ eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent' }, { validationCode: '512d38b6-c7b8-40c8-89fe-f46f9e9622b6' })),
  e('an empty object', 'not a resource write', {}),
  e('a cloud event shape', 'not a resource write', { specversion: '1.0', type: 'Microsoft.Resources.ResourceWriteSuccess', source: '/subscriptions/x', id: '1', data: {} }),

  // Not a workspace write.
  e('data null', 'not a workspace write', withData(null)),
  e('data a string', 'not a workspace write', withData('{"operationName":"Microsoft.MachineLearningServices/workspaces/write"}')),
  e('data a list', 'not a workspace write', withData([{ operationName: 'Microsoft.MachineLearningServices/workspaces/write' }])),
  e('operationName missing', 'not a workspace write', event({}, { operationName: undefined })),
  e('operationName empty', 'not a workspace write', event({}, { operationName: '' })),
  e('operationName a number', 'not a workspace write', event({}, { operationName: 7 })),
  e('compute write', 'not a workspace write', event({}, { operationName: 'Microsoft.MachineLearningServices/workspaces/computes/write' }, `${GOOD}/computes/cpu`)),
  e('workspace delete operation', 'not a workspace write', event({}, { operationName: 'Microsoft.MachineLearningServices/workspaces/delete' })),
  e('listKeys action', 'not a workspace write', event({}, { operationName: 'Microsoft.MachineLearningServices/workspaces/listKeys/action' })),
  e('storage account write', 'not a workspace write', event({}, { operationName: 'Microsoft.Storage/storageAccounts/write' })),
  e('operation with trailing text', 'not a workspace write', event({}, { operationName: 'Microsoft.MachineLearningServices/workspaces/write/extra' })),

  // No usable resource id.
  e('no subject and no resourceUri', 'no usable resource id', event({ subject: undefined }, { resourceUri: undefined })),
  e('empty subject and resourceUri', 'no usable resource id', event({ subject: '' }, { resourceUri: '' })),
  e('resourceUri of 600 characters', 'no usable resource id', event({ subject: undefined }, { resourceUri: ws(`ws-${'x'.repeat(600)}`) })),
  e('resourceUri a number, no subject', 'no usable resource id', event({ subject: undefined }, { resourceUri: 12345 })),

  // Inconsistent or invalid ids.
  e('subject and resourceUri disagree', 'subject and resourceUri disagree', event({ subject: ws('ws-other') })),
  e('subject in another subscription', 'subject and resourceUri disagree', event({ subject: ws('ws-good', 'rg-ml', EVENT_SUB2) })),
  e('percent-encoded id', 'invalid resource id', event({ subject: undefined }, { resourceUri: GOOD.replace('/workspaces/', '/workspaces%2F') })),
  e('not an ARM id', 'invalid resource id', event({ subject: undefined }, { resourceUri: 'hello world' })),
  e('id without providers', 'invalid resource id', event({ subject: undefined }, { resourceUri: `/subscriptions/${EVENT_SUB}/resourceGroups/rg-ml/workspaces/ws-good` })),
  e('subscription not a GUID', 'invalid resource id', event({ subject: undefined }, { resourceUri: ws('ws-good', 'rg-ml', 'my-subscription') })),
  e('id with a dot-dot segment', 'invalid resource id', event({ subject: undefined }, { resourceUri: `/subscriptions/${EVENT_SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/../ws-good` })),
  e('id with a query string', 'invalid resource id', event({ subject: undefined }, { resourceUri: `${GOOD}?api-version=2025-09-01` })),

  // Not a workspace.
  e('compute id labelled as a workspace write', 'not a workspace', event({ subject: undefined }, { resourceUri: `${GOOD}/computes/cpu` })),
  e('outbound rule id labelled as a workspace write', 'not a workspace', event({ subject: undefined }, { resourceUri: `${GOOD}/outboundRules/pypi` })),
  e('storage account id labelled as a workspace write', 'not a workspace', event({ subject: undefined }, { resourceUri: `/subscriptions/${EVENT_SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stml` })),
  e('deployment id labelled as a workspace write', 'not a workspace', event({ subject: undefined }, { resourceUri: `/subscriptions/${EVENT_SUB}/resourceGroups/rg-ml/providers/Microsoft.Resources/deployments/d1` })),

  // Claims that do not match.
  e('data.subscriptionId disagrees with the id', 'subscriptionId disagrees with the resource id', event({}, { subscriptionId: EVENT_SUB2 })),

  // Outside what the app may act on.
  e('subscription the app is not configured for', 'subscription not configured', event({}, { subscriptionId: OTHER_SUB }, ws('ws-good', 'rg-ml', OTHER_SUB))),
  e('excluded workspace', 'outside policy scope', event({}, {}, ws('ws-excluded'))),
  e('resource group outside the policy', 'outside policy scope', event({}, {}, ws('ws-good', 'rg-other'))),
];
