// Optional (allowWorkspaceCreation): the app identity gets the "workspace creation" role (the dependency-resource
// writes POST /workspaces needs: storage account, key vault, container registry, Application Insights, resource
// group) on ONE resource group the operator listed (workspaceCreationResourceGroups). The group must exist.
targetScope = 'resourceGroup'

@description('azd environment name (description).')
param environmentName string

@description('Principal (object) id of the app identity.')
param principalId string

@description('Resource id of the workspace-creation role definition (target-subscription.bicep).')
param roleDefinitionId string

resource workspaceCreationAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, roleDefinitionId)
  properties: {
    roleDefinitionId: roleDefinitionId
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'mnet-autopilot (${environmentName}): create ML workspaces and their dependent resources in this resource group only (POST /workspaces).'
  }
}

output assignmentId string = workspaceCreationAssignment.id
