/**
 * Fields a GET returns that a PUT must not send back: the service computes them, and some make the PUT fail.
 * One list per level so the recreate helpers (and their tests) share the same documented set.
 */

/** Top level of any ARM resource. */
export const RESOURCE_READ_ONLY = ['id', 'name', 'type', 'systemData', 'etag'] as const;

/** `identity`: the service assigns these; userAssignedIdentities keep only their keys. */
export const IDENTITY_READ_ONLY = ['principalId', 'tenantId'] as const;
export const USER_ASSIGNED_IDENTITY_READ_ONLY = ['principalId', 'clientId'] as const;

/** Compute `properties` (the common envelope). */
export const COMPUTE_READ_ONLY = [
  'provisioningState',
  'provisioningErrors',
  'createdOn',
  'modifiedOn',
  'isAttachedCompute',
] as const;

/** Compute `properties.properties` (type-specific: AmlCompute, ComputeInstance). */
export const COMPUTE_TYPE_READ_ONLY = [
  'state',
  'connectivityEndpoints',
  'applications',
  'errors',
  'currentNodeCount',
  'targetNodeCount',
  'nodeStateCounts',
  'allocationState',
  'allocationStateTransitionTime',
  'lastOperation',
  'osImageMetadata',
  'createdBy',
  'versions',
  'containers',
  'dataDisks',
  'dataMounts',
] as const;

/** ComputeInstance `sshSettings`: the service picks the admin user and port. */
export const SSH_SETTINGS_READ_ONLY = ['adminUserName', 'sshPort'] as const;

/** Each `schedules.computeStartStop[]` entry. */
export const SCHEDULE_READ_ONLY = ['id', 'provisioningStatus'] as const;

/** Online endpoint `properties`. `traffic`/`mirrorTraffic` are removed too, but returned separately. */
export const ONLINE_ENDPOINT_READ_ONLY = ['provisioningState', 'scoringUri', 'swaggerUri', 'openapiUri'] as const;

/** Online deployment `properties`. */
export const ONLINE_DEPLOYMENT_READ_ONLY = ['provisioningState'] as const;

export function omitKeys(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (!keys.includes(key)) out[key] = value;
  }
  return out;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
