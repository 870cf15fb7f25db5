/**
 * The durable-functions internals the local host drives, loaded once and narrowed from `unknown`.
 *
 * v3 has no public "run this orchestrator over a history" API. `df.app.orchestration(name, handler)`
 * registers `createOrchestrator(handler)` (lib/src/util/testingUtils.js) as the function the Functions
 * host calls with the orchestration trigger; that wrapper builds the library's Orchestrator, which
 * runs its TaskOrchestrationExecutor over the history. We call the very same wrapper, so replay,
 * task ids, newGuid and currentUtcDateTime are the library's own. Activities go through
 * `wrapActivityHandler`, which is what `df.app.activity` registers.
 */
import type { InvocationContext, FunctionHandler } from '@azure/functions';
import type { OrchestrationHandler } from 'durable-functions';

/** The orchestration-trigger handler the Functions host invokes (trigger payload, invocation context). */
export type OrchestrationTriggerHandler = (trigger: unknown, context: InvocationContext) => Promise<unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function loadModule(path: string): Record<string, unknown> {
  // Deep paths have no typings; require keeps them `unknown` until narrowed below.
  const loaded: unknown = require(path);
  if (!isRecord(loaded)) throw new Error(`durable-functions module ${path} did not load as an object`);
  return loaded;
}

let cached:
  | {
      createOrchestrator: (handler: OrchestrationHandler) => OrchestrationTriggerHandler;
      wrapActivityHandler: (handler: FunctionHandler) => FunctionHandler;
      latestReplaySchema: number;
    }
  | undefined;

function bridge(): NonNullable<typeof cached> {
  if (cached) return cached;
  const testingUtils = loadModule('durable-functions/lib/src/util/testingUtils');
  const app = loadModule('durable-functions/lib/src/app');
  const replaySchema = loadModule('durable-functions/lib/src/orchestrations/ReplaySchema');
  const create = testingUtils['createOrchestrator'];
  const wrap = app['wrapActivityHandler'];
  const latest = replaySchema['LatestReplaySchema'];
  if (typeof create !== 'function') throw new Error('durable-functions no longer exports createOrchestrator');
  if (typeof wrap !== 'function') throw new Error('durable-functions no longer exports wrapActivityHandler');
  if (typeof latest !== 'number') throw new Error('durable-functions no longer exports LatestReplaySchema');
  cached = {
    createOrchestrator: (handler) => {
      const triggerHandler: unknown = create(handler);
      if (typeof triggerHandler !== 'function') throw new Error('createOrchestrator did not return a function');
      return async (trigger, context) => {
        const result: unknown = await triggerHandler(trigger, context);
        return result;
      };
    },
    wrapActivityHandler: (handler) => {
      const wrapped: unknown = wrap(handler);
      if (typeof wrapped !== 'function') throw new Error('wrapActivityHandler did not return a function');
      return async (input: unknown, context: InvocationContext) => {
        const result: unknown = await wrapped(input, context);
        return result;
      };
    },
    latestReplaySchema: latest,
  };
  return cached;
}

export function createLibraryOrchestrator(handler: OrchestrationHandler): OrchestrationTriggerHandler {
  return bridge().createOrchestrator(handler);
}

export function wrapLibraryActivity(handler: FunctionHandler): FunctionHandler {
  return bridge().wrapActivityHandler(handler);
}

export function latestReplaySchema(): number {
  return bridge().latestReplaySchema;
}
