import { createHash } from 'node:crypto';

/**
 * Deterministic orchestration instance ids: one instance per workspace and purpose, so a duplicate trigger
 * finds the running instance instead of starting a second. Durable instance ids may not contain / \ # ?,
 * so the workspace id is hashed (ARM ids are case-insensitive: lower-cased first).
 */
export type InstancePurpose = 'onboard' | 'migrate' | 'create' | 'provision' | 'roles';

export function workspaceKey(workspaceId: string): string {
  return createHash('sha256').update(workspaceId.trim().toLowerCase()).digest('hex').slice(0, 32);
}

export function instanceIdForWorkspace(workspaceId: string, purpose: InstancePurpose = 'onboard'): string {
  return `mnet-${purpose}-${workspaceKey(workspaceId)}`;
}

/** The drift scan is a singleton per policy: the timer never overlaps itself. */
export function driftScanInstanceId(policyName: string): string {
  return `mnet-drift-${createHash('sha256').update(policyName).digest('hex').slice(0, 16)}`;
}

const INSTANCE_ID = /^mnet-[a-z]+-[0-9a-f]{16,32}$/;

/** Guards HTTP routes: only ids this app minted are looked up. */
export function isMnetInstanceId(value: string): boolean {
  return INSTANCE_ID.test(value);
}
