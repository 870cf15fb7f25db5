/**
 * Private endpoint approval (not automatic since 30 April 2025): the workspace identity needs the approver role,
 * or a scoped custom role for uncovered types, on every private-endpoint target that is not a default resource.
 */
export const APPROVER_ROLE = {
  name: 'Azure AI Enterprise Network Connection Approver',
  roleDefinitionGuid: 'b556d68e-0be0-4f35-a333-ad7ee1ce17ea',
} as const;

/** The approval action whose presence in a role lets the identity approve connections on a type. */
export function approvalAction(resourceType: string): string {
  return `${resourceType}/privateEndpointConnectionsApproval/action`;
}

/** The actions of the custom, scoped-down role the product creates for a type the built-in role does not cover. */
export function customApproverRoleActions(resourceType: string): string[] {
  return [
    `${resourceType}/read`,
    `${resourceType}/privateEndpointConnectionsApproval/action`,
    `${resourceType}/privateEndpointConnections/read`,
    `${resourceType}/privateEndpointConnections/write`,
    `${resourceType}/privateLinkResources/read`,
  ];
}

/** Display name of the product's custom approver role for a type. */
export function customApproverRoleName(resourceType: string): string {
  return `mnet-autopilot private endpoint approver (${resourceType})`;
}

/** The deploying identity needs these on the workspace to deploy the managed network. */
export const DEPLOYER_REQUIRED_ACTIONS: readonly string[] = [
  'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/read',
  'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/write',
];
