// The app identity gets the operator role (workspace, outbound rule, compute, endpoint and provisioning actions) on
// ONE resource group the policy governs (governedResourceGroups) - never on the subscription. The group must exist.
targetScope = 'resourceGroup'

@description('azd environment name (description).')
param environmentName string

@description('Principal (object) id of the app identity.')
param principalId string

@description('Resource id of the operator role definition (target-subscription.bicep).')
param roleDefinitionId string

resource operatorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, roleDefinitionId)
  properties: {
    roleDefinitionId: roleDefinitionId
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'mnet-autopilot (${environmentName}): managed-network operations on the ML workspaces of this governed resource group.'
  }
}

output assignmentId string = operatorAssignment.id
