/**
 * The actions an orchestrator episode returns (OrchestratorState.actions), narrowed from the library's
 * untyped action objects (lib/src/actions/*). With replay schema V2+ the list is `[[a1, a2, ...]]`:
 * one top-level action per `yield`, Task.all / Task.any nested as WhenAll / WhenAny compoundActions.
 */
import { parseRetryOptions, type RetryPolicy } from './retry';

/** lib/src/actions/ActionType.js */
export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  WhenAny: 11,
  WhenAll: 12,
  LockEntities: 13,
  ReleaseEntities: 14,
} as const;

interface ActionBase {
  /** The library's action object; the same object re-listed means the same task was yielded again. */
  source: object;
}

export type OrchestratorAction =
  | (ActionBase & { type: 'CallActivity'; functionName: string; input: unknown })
  | (ActionBase & { type: 'CallActivityWithRetry'; functionName: string; input: unknown; retry: RetryPolicy })
  | (ActionBase & { type: 'CallSubOrchestrator'; functionName: string; instanceId?: string; input: unknown })
  | (ActionBase & {
      type: 'CallSubOrchestratorWithRetry';
      functionName: string;
      instanceId?: string;
      input: unknown;
      retry: RetryPolicy;
    })
  | (ActionBase & { type: 'CreateTimer'; fireAtMs: number; isCanceled: boolean })
  | (ActionBase & { type: 'WaitForExternalEvent'; eventName: string })
  | (ActionBase & { type: 'WhenAll' | 'WhenAny'; children: OrchestratorAction[] })
  | (ActionBase & { type: 'ContinueAsNew'; input: unknown })
  | (ActionBase & { type: 'Unsupported'; name: string });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Activity and continueAsNew inputs pass through the library's Utils.processInput, which JSON-encodes
 * strings (the extension treats a string input as raw JSON). Undo that to get the value the activity sees.
 */
function decodeProcessedInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input;
  }
}

function requireString(action: Record<string, unknown>, key: string): string {
  const value = action[key];
  if (typeof value !== 'string' || value === '') throw new Error(`action is missing ${key}`);
  return value;
}

function optionalString(action: Record<string, unknown>, key: string): string | undefined {
  const value = action[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function toMs(value: unknown): number {
  // Live actions carry a Date; actions recovered from a failure payload carry its ISO string.
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new Error('CreateTimer action has no valid fireAt');
  return ms;
}

export function parseAction(value: unknown): OrchestratorAction {
  if (!isRecord(value)) throw new Error('orchestrator returned a non-object action');
  const source = value;
  switch (value['actionType']) {
    case ActionType.CallActivity:
      return {
        type: 'CallActivity',
        source,
        functionName: requireString(value, 'functionName'),
        input: decodeProcessedInput(value['input']),
      };
    case ActionType.CallActivityWithRetry:
      return {
        type: 'CallActivityWithRetry',
        source,
        functionName: requireString(value, 'functionName'),
        input: decodeProcessedInput(value['input']),
        retry: parseRetryOptions(value['retryOptions']),
      };
    case ActionType.CallSubOrchestrator: {
      const instanceId = optionalString(value, 'instanceId');
      return {
        type: 'CallSubOrchestrator',
        source,
        functionName: requireString(value, 'functionName'),
        ...(instanceId === undefined ? {} : { instanceId }),
        input: value['input'],
      };
    }
    case ActionType.CallSubOrchestratorWithRetry: {
      const instanceId = optionalString(value, 'instanceId');
      return {
        type: 'CallSubOrchestratorWithRetry',
        source,
        functionName: requireString(value, 'functionName'),
        ...(instanceId === undefined ? {} : { instanceId }),
        input: value['input'],
        retry: parseRetryOptions(value['retryOptions']),
      };
    }
    case ActionType.CreateTimer:
      return { type: 'CreateTimer', source, fireAtMs: toMs(value['fireAt']), isCanceled: value['isCanceled'] === true };
    case ActionType.WaitForExternalEvent:
      return { type: 'WaitForExternalEvent', source, eventName: requireString(value, 'externalEventName') };
    case ActionType.WhenAll:
    case ActionType.WhenAny: {
      const compound = value['compoundActions'];
      if (!Array.isArray(compound)) throw new Error('compound action without compoundActions');
      const children = compound.map((child: unknown) => parseAction(child));
      return { type: value['actionType'] === ActionType.WhenAll ? 'WhenAll' : 'WhenAny', source, children };
    }
    case ActionType.ContinueAsNew:
      return { type: 'ContinueAsNew', source, input: decodeProcessedInput(value['input']) };
    default: {
      const code = value['actionType'];
      const name = Object.entries(ActionType).find(([, v]) => v === code)?.[0] ?? `actionType ${String(code)}`;
      return { type: 'Unsupported', source, name };
    }
  }
}

/**
 * The top-level action sequence from a schema V2+ `[[...]]` list. (The host always advertises V2+;
 * V1's one-group-per-yield layout with flattened compounds is not accepted.)
 */
export function parseActionList(value: unknown): OrchestratorAction[] {
  if (!Array.isArray(value)) throw new Error('orchestrator state has no actions array');
  const groups = value as unknown[];
  if (groups.length !== 1 || !Array.isArray(groups[0])) {
    throw new Error(`expected one action group (replay schema V2+), got ${groups.length}`);
  }
  return (groups[0] as unknown[]).map((action) => parseAction(action));
}

export function describeAction(action: OrchestratorAction): string {
  switch (action.type) {
    case 'CallActivity':
    case 'CallActivityWithRetry':
    case 'CallSubOrchestrator':
    case 'CallSubOrchestratorWithRetry':
      return `${action.type} '${action.functionName}'`;
    case 'CreateTimer':
      return `CreateTimer ${new Date(action.fireAtMs).toISOString()}`;
    case 'WaitForExternalEvent':
      return `WaitForExternalEvent '${action.eventName}'`;
    case 'WhenAll':
    case 'WhenAny':
      return `${action.type}(${action.children.map(describeAction).join(', ')})`;
    case 'ContinueAsNew':
      return 'ContinueAsNew';
    case 'Unsupported':
      return action.name;
  }
}
