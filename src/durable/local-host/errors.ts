/** Errors the local host raises to its callers (the Durable client's failure modes, plus crash simulation). */

export class InstanceAlreadyRunningError extends Error {
  override readonly name = 'InstanceAlreadyRunningError';
  constructor(readonly instanceId: string, readonly runtimeStatus: string) {
    super(`An orchestration with instance ID '${instanceId}' already exists and is ${runtimeStatus}.`);
  }
}

export class InstanceNotFoundError extends Error {
  override readonly name = 'InstanceNotFoundError';
  constructor(readonly instanceId: string) {
    super(`No orchestration instance with ID '${instanceId}' was found.`);
  }
}

/** raiseEvent on a finished instance: the Durable client answers 410 Gone. */
export class InstanceNotRunningError extends Error {
  override readonly name = 'InstanceNotRunningError';
  constructor(readonly instanceId: string, readonly runtimeStatus: string) {
    super(`The orchestration instance '${instanceId}' is ${runtimeStatus} and no longer accepts events.`);
  }
}

export class UnknownFunctionError extends Error {
  override readonly name = 'UnknownFunctionError';
  constructor(readonly functionName: string, kind: 'orchestrator' | 'activity') {
    super(`The function '${functionName}' doesn't exist, is disabled, or is not an ${kind} function.`);
  }
}

/** runUntilComplete / waitForStatus found nothing left to run before the instance got there. */
export class InstanceNotCompletedError extends Error {
  override readonly name = 'InstanceNotCompletedError';
  constructor(readonly instanceId: string, readonly runtimeStatus: string, reason: string) {
    super(`Instance '${instanceId}' is ${runtimeStatus}: ${reason}`);
  }
}

/** Thrown out of the host at the step chosen by stopAfterSteps / crashAfter. */
export class SimulatedCrashError extends Error {
  override readonly name = 'SimulatedCrashError';
  constructor(readonly step: number) {
    super(`simulated crash after persisted step ${step}`);
  }
}

/** Any use of a host after its simulated crash: build a new host over the same store and resume(). */
export class HostCrashedError extends Error {
  override readonly name = 'HostCrashedError';
  constructor() {
    super('this LocalDurableHost crashed (simulated); create a new one over the same store and call resume()');
  }
}
