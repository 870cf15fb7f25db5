/** Local durable host: runs durable-functions orchestrators in-process for tests and the CLI. */
export { LocalDurableHost } from './local-host';
export type {
  HostLogger,
  LocalDurableHostOptions,
  RunOptions,
  RunSummary,
  StartOptions,
  StepKind,
  StepReport,
} from './local-host';
export { VirtualClock, type HostClock } from './virtual-clock';
export { InMemoryHistoryStore, type HistoryStore } from './history-store';
export { FileHistoryStore } from './file-history-store';
export { NonDeterministicOrchestrationError } from './determinism';
export {
  HostCrashedError,
  InstanceAlreadyRunningError,
  InstanceNotCompletedError,
  InstanceNotFoundError,
  InstanceNotRunningError,
  SimulatedCrashError,
  UnknownFunctionError,
} from './errors';
export type { FailureInfo, InstanceMetrics, InstanceRecord, InstanceStatus, RuntimeStatus } from './instance-record';
export { HistoryEventType, eventTypeName, type HistoryEvent } from './history-events';
