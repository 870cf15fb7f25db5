/** Parsing and building ARM resource ids. Pure. */

export interface ParsedResourceId {
  subscriptionId: string;
  resourceGroup?: string;
  /** e.g. Microsoft.Storage */
  provider?: string;
  /** Full type, e.g. Microsoft.Storage/storageAccounts or Microsoft.MachineLearningServices/workspaces/computes */
  resourceType?: string;
  /** Last name segment. */
  name?: string;
  /** Name segments from the top-level resource down. */
  names: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEGMENT = /^[^/\\?#\s]+$/;

export class ResourceIdError extends Error {
  constructor(readonly resourceId: string, reason: string) {
    super(`"${resourceId}" is not a valid ARM resource id: ${reason}`);
    this.name = 'ResourceIdError';
  }
}

/** Parses `/subscriptions/{s}[/resourceGroups/{rg}[/providers/{ns}/{type}/{name}[/{type}/{name}]...]]`. */
export function parseResourceId(id: string): ParsedResourceId {
  if (typeof id !== 'string' || !id.startsWith('/')) throw new ResourceIdError(String(id), 'must start with "/subscriptions/"');
  const parts = id.split('/').slice(1);
  if (parts.some((p) => !SEGMENT.test(p) || p === '.' || p === '..')) {
    throw new ResourceIdError(id, 'has an empty or unsafe segment');
  }
  if (parts[0]?.toLowerCase() !== 'subscriptions' || parts[1] === undefined) {
    throw new ResourceIdError(id, 'must start with "/subscriptions/{subscriptionId}"');
  }
  const subscriptionId = parts[1];
  if (!GUID.test(subscriptionId)) throw new ResourceIdError(id, `subscription "${subscriptionId}" is not a GUID`);
  const result: ParsedResourceId = { subscriptionId, names: [] };
  if (parts.length === 2) return result;
  if (parts[2]?.toLowerCase() !== 'resourcegroups' || parts[3] === undefined) {
    throw new ResourceIdError(id, 'expected "/resourceGroups/{name}" after the subscription');
  }
  result.resourceGroup = parts[3];
  if (parts.length === 4) return result;
  if (parts[4]?.toLowerCase() !== 'providers' || parts[5] === undefined) {
    throw new ResourceIdError(id, 'expected "/providers/{namespace}" after the resource group');
  }
  const provider = parts[5];
  const rest = parts.slice(6);
  if (rest.length < 2 || rest.length % 2 !== 0) {
    throw new ResourceIdError(id, 'expected type/name pairs after the provider namespace');
  }
  const types: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    types.push(rest[i] as string);
    result.names.push(rest[i + 1] as string);
  }
  result.provider = provider;
  result.resourceType = `${provider}/${types.join('/')}`;
  result.name = result.names[result.names.length - 1];
  return result;
}

export function tryParseResourceId(id: string): ParsedResourceId | undefined {
  try {
    return parseResourceId(id);
  } catch {
    return undefined;
  }
}

export function workspaceId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;
}

/** ARM compares ids case-insensitively. */
export function sameResourceId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

export function isWorkspaceId(id: string): boolean {
  const p = tryParseResourceId(id);
  return p?.resourceType?.toLowerCase() === 'microsoft.machinelearningservices/workspaces' && p.names.length === 1;
}
