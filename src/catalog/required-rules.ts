/**
 * Rules the service adds itself (category Required). The product never removes or fights them.
 * Source: facts page "Required rules".
 */
export const REQUIRED_OUTBOUND_SERVICE_TAGS: readonly string[] = [
  'AzureActiveDirectory',
  'AzureMachineLearning',
  'BatchNodeManagement.{region}',
  'AzureResourceManager',
  'AzureFrontDoor.FirstParty',
  'MicrosoftContainerRegistry',
  'AzureMonitor',
];

/** Added as well when private endpoints exist. */
export const REQUIRED_SERVICE_TAG_WITH_PRIVATE_ENDPOINTS = 'VirtualNetwork';

/** Inbound service tag the service needs. */
export const REQUIRED_INBOUND_SERVICE_TAG = 'AzureMachineLearning';

/** Ports the service uses: intellisense and compute instance management. */
export const SERVICE_PORTS = { intellisense: 18881, computeInstanceManagement: 5831 } as const;

/**
 * Default resources that get a Required private endpoint: always in approved-outbound mode; in internet-outbound
 * mode only those whose public network access is disabled.
 */
export const REQUIRED_PRIVATE_ENDPOINT_RESOURCES = [
  { property: 'self', subresource: 'amlworkspace' },
  { property: 'storageAccount', subresource: 'blob' },
  { property: 'storageAccount', subresource: 'file' },
  { property: 'keyVault', subresource: 'vault' },
  { property: 'containerRegistry', subresource: 'registry' },
] as const;

/**
 * Workspace properties naming its default resources (storage, key vault, registry). Creation already let the
 * workspace identity approve private endpoint connections on them, so they need no approver role.
 * Source: facts page "Approval of private endpoints".
 */
export const WORKSPACE_DEFAULT_RESOURCE_PROPERTIES = ['storageAccount', 'keyVault', 'containerRegistry'] as const;

/** The workspace's own id and the ids of its default resources, as given (blank values left out). */
export function workspaceDefaultResourceIds(workspaceId: string, properties: Readonly<Record<string, unknown>>): string[] {
  const ids = [workspaceId];
  for (const key of WORKSPACE_DEFAULT_RESOURCE_PROPERTIES) {
    const value = properties[key];
    if (typeof value === 'string' && value.length > 0) ids.push(value);
  }
  return ids;
}

export function expandRegion(tag: string, region: string): string {
  return tag.replace('{region}', region);
}
