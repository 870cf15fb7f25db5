/** Building ARM request paths from validated ids; names are URL-encoded, query values too. */
import { parseResourceId } from '../resource-id';
import { ArmClientUsageError, USAGE_ERROR_CODES } from './usage-error';

export function armPath(path: string, apiVersion: string, query: Record<string, string | undefined> = {}): string {
  const pairs = [`api-version=${encodeURIComponent(apiVersion)}`];
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) pairs.push(`${key}=${encodeURIComponent(value)}`);
  }
  return `${path}?${pairs.join('&')}`;
}

/**
 * Validates an id (and, when given, its full type, case-insensitively); returns it without a trailing slash.
 * Throws ResourceIdError for a malformed id, ArmClientUsageError (WrongResourceType) for an id of another type.
 */
export function requireId(id: string, expectedType?: string): string {
  const trimmed = id.trim().replace(/\/+$/, '');
  const parsed = parseResourceId(trimmed);
  if (expectedType !== undefined && parsed.resourceType?.toLowerCase() !== expectedType.toLowerCase()) {
    throw new ArmClientUsageError(USAGE_ERROR_CODES.wrongResourceType, `"${id}" is not a ${expectedType} id`);
  }
  return trimmed;
}

export function childId(parentId: string, type: string, name: string): string {
  if (name.trim() === '' || /[/\\?#]/.test(name)) {
    throw new ArmClientUsageError(USAGE_ERROR_CODES.invalidName, `"${name}" is not a valid ${type} name`);
  }
  return `${parentId}/${type}/${encodeURIComponent(name)}`;
}

/** Subscription id validated the same way resource ids are. */
export function requireSubscription(subscriptionId: string): string {
  return parseResourceId(`/subscriptions/${subscriptionId.trim()}`).subscriptionId;
}

export const ML_TYPES = {
  workspace: 'Microsoft.MachineLearningServices/workspaces',
  outboundRule: 'Microsoft.MachineLearningServices/workspaces/outboundRules',
  compute: 'Microsoft.MachineLearningServices/workspaces/computes',
  onlineEndpoint: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
  onlineDeployment: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
} as const;
