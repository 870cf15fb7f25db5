/** Child resource ids under a workspace (ARM ids are plain paths; names are validated by the service). */
export function computeId(workspaceId: string, name: string): string {
  return `${workspaceId}/computes/${name}`;
}

export function onlineEndpointId(workspaceId: string, name: string): string {
  return `${workspaceId}/onlineEndpoints/${name}`;
}

export function onlineDeploymentId(workspaceId: string, endpoint: string, name: string): string {
  return `${workspaceId}/onlineEndpoints/${endpoint}/deployments/${name}`;
}
