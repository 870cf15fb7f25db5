/**
 * What activities need to act: set once at start-up (Azure: from settings, by the app; locally: by the test rig
 * or the CLI) and read by every activity. Orchestrators never touch it: they only decide.
 */
import type { ArmClient } from '../../arm/client/arm-client';
import type { ReportStore } from '../snapshots/report-store';
import type { SnapshotStore } from '../snapshots/snapshot-store';

export interface ActivityLog {
  (message: string, details?: Record<string, unknown>): void;
}

export interface ActivityDependencies {
  arm: ArmClient;
  snapshots: SnapshotStore;
  reports: ReportStore;
  log?: ActivityLog;
}

let current: ActivityDependencies | undefined;

export function setActivityDependencies(dependencies: ActivityDependencies): void {
  current = dependencies;
}

/** Throws when start-up did not set them: an activity must never act on a half-configured app. */
export function getActivityDependencies(): ActivityDependencies {
  if (current === undefined) {
    throw new Error('activity dependencies are not set: call setActivityDependencies() at start-up');
  }
  return current;
}

/** For tests and shutdown. */
export function clearActivityDependencies(): void {
  current = undefined;
}

/** Reports a write an activity made (CLI progress, local runs); silent when no log was given. */
export function logWrite(message: string, details?: Record<string, unknown>): void {
  current?.log?.(message, details);
}
