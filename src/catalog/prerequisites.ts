/** Other prerequisites. Source: facts page "Other prerequisites and limits". */
export const REQUIRED_RESOURCE_PROVIDER = 'Microsoft.Network';

/** Scope locks on the workspace or its resource group block the service's internal operations. */
export const SCOPE_LOCKS_BLOCK = true;

/** Workspace kinds governed directly; a Project is governed through its hub. */
export const HUB_KIND = 'Hub';
export const PROJECT_KIND = 'Project';
export const WORKSPACE_KINDS: readonly string[] = ['Default', 'Hub', 'Project', 'FeatureStore'];
