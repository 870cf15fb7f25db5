/** Other prerequisites. Source: facts page "Other prerequisites and limits". */
export const REQUIRED_RESOURCE_PROVIDER = 'Microsoft.Network';

/** Scope locks on the workspace or its resource group block the service's internal operations. */
export const SCOPE_LOCKS_BLOCK = true;

/** Workspace kinds governed directly; a Project is governed through its hub. */
export const HUB_KIND = 'Hub';
export const PROJECT_KIND = 'Project';
/** Kinds the product creates workspaces of. */
export const CREATABLE_WORKSPACE_KINDS = ['Default', HUB_KIND, PROJECT_KIND] as const;
export type CreatableWorkspaceKind = (typeof CREATABLE_WORKSPACE_KINDS)[number];
export const WORKSPACE_KINDS: readonly string[] = [...CREATABLE_WORKSPACE_KINDS, 'FeatureStore'];

/** ARM resource group names: 1-90 letters, digits, "-", "_", ".", "(", ")" (Unicode letters too); not ending with ".". */
export const RESOURCE_GROUP_NAME_PATTERN = /^[-\w.()\p{L}\p{N}]{0,89}[-\w()\p{L}\p{N}]$/u;
