// Everything the app needs on ONE governed (target) subscription, deployed with scope: subscription(id):
//   1. a custom "operator" role holding exactly the ARM actions the app's ARM client uses (src/arm/actions.ts),
//      minus role-assignment writes, assigned to the app identity at the subscription;
//   2. the built-in "Role Based Access Control Administrator" role, assigned with an ABAC condition so the app
//      can create/delete ONLY assignments of the private-endpoint approver role(s), and ONLY to service principals;
//   3. an Event Grid system topic on the subscription + an event subscription that delivers successful ML
//      workspace writes to the app's Event Grid function, dead-lettering to the app's storage.
targetScope = 'subscription'

@description('azd environment name (names, role names, deterministic GUIDs).')
param environmentName string

@description('Region of the resource group that holds the system topic (the topic itself is global).')
param location string

@description('Tags.')
param tags object = {}

@description('Principal (object) id of the app\'s user-assigned identity.')
param appPrincipalId string

@description('Resource id of the function app (Event Grid delivers to one of its functions).')
param functionAppId string

@description('GUIDs of the product\'s custom approver role definitions the app may assign (besides the built-in approver role).')
param customApproverRoleGuids string[] = []

@description('Create the event subscription. False on the very first provision: the function must exist (be deployed) first.')
param eventSubscriptionEnabled bool = false

@description('Dead-letter storage: subscription, resource group, account and container (the app\'s own storage).')
param deadLetterSubscriptionId string
param deadLetterResourceGroupName string
param deadLetterStorageAccountName string
param deadLetterStorageAccountId string
param deadLetterContainerName string

@description('Event Grid retry policy.')
@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 10

@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

var roles = loadJsonContent('../roles.json')

// ---------------------------------------------------------------------------------------------------------------
// 1. Custom operator role. EXACTLY src/arm/actions.ts ARM_ACTION_LIST minus the role-assignment writes listed in
//    conditionallyDelegatedActions (tests/infra checks the union equals ARM_ACTION_LIST, with no extras).
//    No wildcard beyond the two the app itself lists ('*/read', ML locations/*/read).
//    Microsoft.Authorization/roleAssignments/write is deliberately NOT here: RBAC is additive, so an unconditioned
//    grant here would void the ABAC condition in part 2 and let the app assign any role (e.g. Owner) to anyone.
// ---------------------------------------------------------------------------------------------------------------
var customRoleActions = [
  '*/read'
  'Microsoft.Authorization/locks/read'
  'Microsoft.Authorization/roleAssignments/read'
  'Microsoft.Authorization/roleDefinitions/read'
  'Microsoft.Authorization/roleDefinitions/write'
  'Microsoft.ContainerRegistry/registries/read'
  'Microsoft.ContainerRegistry/registries/write'
  'Microsoft.Insights/components/read'
  'Microsoft.Insights/components/write'
  'Microsoft.KeyVault/vaults/read'
  'Microsoft.KeyVault/vaults/write'
  'Microsoft.MachineLearningServices/locations/*/read'
  'Microsoft.MachineLearningServices/workspaces/computes/delete'
  'Microsoft.MachineLearningServices/workspaces/computes/read'
  'Microsoft.MachineLearningServices/workspaces/computes/start/action'
  'Microsoft.MachineLearningServices/workspaces/computes/stop/action'
  'Microsoft.MachineLearningServices/workspaces/computes/write'
  'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/delete'
  'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/delete'
  'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read'
  'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/write'
  'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read'
  'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/write'
  'Microsoft.MachineLearningServices/workspaces/outboundRules/delete'
  'Microsoft.MachineLearningServices/workspaces/outboundRules/read'
  'Microsoft.MachineLearningServices/workspaces/outboundRules/write'
  'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/read'
  'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/write'
  'Microsoft.MachineLearningServices/workspaces/provisionManagedNetwork/action'
  'Microsoft.MachineLearningServices/workspaces/read'
  'Microsoft.MachineLearningServices/workspaces/write'
  'Microsoft.ResourceGraph/resources/read'
  'Microsoft.Resources/subscriptions/providers/read'
  'Microsoft.Resources/subscriptions/resourceGroups/read'
  'Microsoft.Resources/subscriptions/resourceGroups/write'
  'Microsoft.Storage/storageAccounts/read'
  'Microsoft.Storage/storageAccounts/write'
]

// Actions of ARM_ACTION_LIST the app receives ONLY through the ABAC-conditioned assignment below.
var conditionallyDelegatedActions = [
  'Microsoft.Authorization/roleAssignments/write'
]

resource operatorRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, environmentName, 'mnet-autopilot-operator')
  properties: {
    // Role names are unique per tenant: include environment and subscription.
    roleName: 'mnet-autopilot operator (${environmentName}, ${subscription().subscriptionId})'
    description: 'Exactly the ARM actions the mnet-autopilot app uses (src/arm/actions.ts), without role-assignment writes (granted separately under an ABAC condition).'
    type: 'CustomRole'
    permissions: [
      {
        actions: customRoleActions
        notActions: []
        dataActions: []
        notDataActions: []
      }
    ]
    assignableScopes: [
      subscription().id
    ]
  }
}

resource operatorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, appPrincipalId, operatorRole.id)
  properties: {
    roleDefinitionId: operatorRole.id
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'mnet-autopilot (${environmentName}): managed-network operations on ML workspaces.'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Role Based Access Control Administrator, constrained with ABAC ("Constrain roles and principal types"):
//    write AND delete of role assignments only for the approver role(s), only for service principals.
//    Write is checked on the request (@Request), delete on the existing assignment (@Resource).
// ---------------------------------------------------------------------------------------------------------------
var approverRoleGuid = roles.azureAiEnterpriseNetworkConnectionApprover
var rbacAdministratorRoleGuid = roles.roleBasedAccessControlAdministrator
var assignableRoleGuids = union([approverRoleGuid], customApproverRoleGuids)

var abacConditionTemplate = '''
(
 (
  !(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})
 )
 OR
 (
  @Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {__ASSIGNABLE_ROLE_GUIDS__}
  AND
  @Request[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}
 )
)
AND
(
 (
  !(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})
 )
 OR
 (
  @Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {__ASSIGNABLE_ROLE_GUIDS__}
  AND
  @Resource[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}
 )
)
'''
var abacCondition = replace(abacConditionTemplate, '__ASSIGNABLE_ROLE_GUIDS__', join(assignableRoleGuids, ', '))

resource delegatedAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, appPrincipalId, rbacAdministratorRoleGuid)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', rbacAdministratorRoleGuid)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'mnet-autopilot (${environmentName}): may assign only the private-endpoint approver role(s), only to service principals.'
    condition: abacCondition
    conditionVersion: '2.0'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Event Grid: system topic of the subscription (one per subscription is allowed) + event subscription.
// ---------------------------------------------------------------------------------------------------------------
resource eventsRg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}-mnet-events'
  location: location
  tags: tags
}

module topic 'event-grid-topic.bicep' = {
  name: 'mnet-topic-${uniqueString(subscription().id, environmentName)}'
  scope: eventsRg
  params: {
    name: 'evgt-mnet-${environmentName}'
    tags: tags
  }
}

// The topic's identity writes undeliverable events to the dead-letter container in the app's storage account
// (which may be in another subscription).
module deadLetterAccess 'deadletter-access.bicep' = {
  name: 'mnet-dlq-${uniqueString(subscription().id, environmentName)}'
  scope: resourceGroup(deadLetterSubscriptionId, deadLetterResourceGroupName)
  params: {
    storageAccountName: deadLetterStorageAccountName
    containerName: deadLetterContainerName
    principalId: topic.outputs.principalId
  }
}

module eventSubscription 'event-subscription.bicep' = if (eventSubscriptionEnabled) {
  name: 'mnet-evsub-${uniqueString(subscription().id, environmentName)}'
  scope: eventsRg
  params: {
    systemTopicName: topic.outputs.name
    functionAppId: functionAppId
    deadLetterStorageAccountId: deadLetterStorageAccountId
    deadLetterContainerName: deadLetterContainerName
    maxDeliveryAttempts: maxDeliveryAttempts
    eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
  }
  dependsOn: [
    deadLetterAccess
  ]
}

output operatorRoleDefinitionId string = operatorRole.id
output rbacAdministratorAssignmentId string = delegatedAssignment.id
output systemTopicId string = topic.outputs.id
output conditionallyDelegatedActions string[] = conditionallyDelegatedActions
