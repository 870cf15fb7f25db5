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
  /**
   * The product's custom approver roles that infra pre-created, by private endpoint target type (catalog
   * spelling) -> role definition GUID (MNET_CUSTOM_APPROVER_ROLES). Used instead of defining a role.
   */
  customApproverRoles?: Record<string, string>;
  /**
   * May the activities define custom approver roles (Microsoft.Authorization/roleDefinitions/write)? Only where a
   * human operator's own credentials act (the CLI) and in the local test rig / demo. Never in Azure: the app is not
   * granted that action (an identity that can write role definitions can widen its own roles). Default false.
   */
  allowRoleDefinitionWrites?: boolean;
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
