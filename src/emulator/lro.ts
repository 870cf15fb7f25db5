/**
 * Long-running operations. Nothing runs on a timer: each operation has a completion instant on the emulator clock
 * and `settle(now)` applies every operation whose instant has passed, in completion order, before any request
 * (or state read) is served. So the state a client sees is a pure function of the clock.
 */
import type { LroStatus } from '../arm/types';
import type { LroFault } from './faults';

export interface OperationError {
  code: string;
  message: string;
}

export interface OperationSpec {
  kind: string;
  /** Resource the operation acts on (its ARM id). */
  target: string;
  subscriptionId: string;
  location: string;
  durationMs: number;
  /** Mutation applied when the operation succeeds. */
  onSucceeded?: () => void;
  /** Mutation applied when it fails (fault or service rule) or is canceled. */
  onFailed?: (error: OperationError) => void;
  /** Body the `Location` poll returns after success; undefined -> 204. */
  finalBody?: () => unknown;
  /** Decides at completion time that the operation fails (e.g. a lock found on provisioning). */
  failAtCompletion?: () => OperationError | undefined;
}

export interface OperationRecord {
  id: string;
  kind: string;
  target: string;
  subscriptionId: string;
  location: string;
  startedAt: number;
  /** Infinity when a fault keeps it running forever. */
  completesAt: number;
  endedAt?: number;
  status: LroStatus;
  error?: OperationError;
  spec: OperationSpec;
  /** Failure decided at start (an lroFail fault). */
  plannedError?: OperationError;
}

export class OperationStore {
  private readonly ops = new Map<string, OperationRecord>();
  private pending: OperationRecord[] = [];
  private counter = 0;

  constructor(private readonly newId: (n: number) => string) {}

  start(spec: OperationSpec, now: number, fault?: LroFault): OperationRecord {
    const id = this.newId(++this.counter);
    const op: OperationRecord = {
      id,
      kind: spec.kind,
      target: spec.target,
      subscriptionId: spec.subscriptionId,
      location: spec.location,
      startedAt: now,
      completesAt: fault?.kind === 'lroNeverFinish' ? Number.POSITIVE_INFINITY : now + Math.max(0, spec.durationMs),
      status: 'InProgress',
      spec,
    };
    if (fault?.kind === 'lroFail') op.plannedError = { code: fault.code, message: fault.message };
    this.ops.set(id.toLowerCase(), op);
    this.pending.push(op);
    return op;
  }

  get(id: string): OperationRecord | undefined {
    return this.ops.get(id.toLowerCase());
  }

  list(): OperationRecord[] {
    return [...this.ops.values()];
  }

  /** The in-progress operation of one of these kinds on the target (case-insensitive id). */
  active(target: string, kinds?: readonly string[]): OperationRecord | undefined {
    const t = target.toLowerCase();
    return this.pending.find((op) => op.status === 'InProgress' && op.target.toLowerCase() === t && (kinds === undefined || kinds.includes(op.kind)));
  }

  /** In-progress operations whose target is the id or below it. */
  activeUnder(prefix: string): OperationRecord[] {
    const p = prefix.toLowerCase();
    return this.pending.filter((op) => op.status === 'InProgress' && (op.target.toLowerCase() === p || op.target.toLowerCase().startsWith(`${p}/`)));
  }

  /** Applies every operation due by `now`, earliest first (an operation completing may start nothing new). */
  settle(now: number): void {
    if (this.pending.length === 0) return;
    const due = this.pending.filter((op) => op.status === 'InProgress' && op.completesAt <= now).sort((a, b) => a.completesAt - b.completesAt);
    if (due.length === 0) return;
    for (const op of due) {
      if (op.status !== 'InProgress') continue; // canceled by an earlier completion
      const error = op.plannedError ?? op.spec.failAtCompletion?.();
      op.endedAt = op.completesAt;
      if (error !== undefined) {
        op.status = 'Failed';
        op.error = error;
        op.spec.onFailed?.(error);
      } else {
        op.status = 'Succeeded';
        op.spec.onSucceeded?.();
      }
    }
    this.pending = this.pending.filter((op) => op.status === 'InProgress');
  }

  /** Cancels in-progress operations (e.g. their resource was deleted); their failure hooks do not run. */
  cancel(op: OperationRecord, now: number, message = 'The operation was canceled.'): void {
    if (op.status !== 'InProgress') return;
    op.status = 'Canceled';
    op.endedAt = now;
    op.error = { code: 'OperationCanceled', message };
    this.pending = this.pending.filter((p) => p !== op);
  }
}
