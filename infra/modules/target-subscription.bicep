// Everything the app needs on ONE governed (target) subscription, deployed with scope: subscription(id):
//   1. a custom "operator" role: the ARM actions the app's ARM client uses (src/arm/actions.ts ARM_ACTION_LIST)
//      MINUS the operator-only ones (OPERATOR_ONLY_ACTIONS: roleDefinitions/write - the app never writes roles),
//      MINUS role-assignment writes (part 2) and MINUS the workspace-creation writes (part 3); assigned to the app
//      identity at the subscription;
//   2. a custom "role assignment delegate" role (roleAssignments read/write/delete ONLY - no built-in role, so no
//      */read or Microsoft.Support/* rides along), assigned with an ABAC condition so the app can create/delete ONLY
//      assignments of the built-in approver role and the product's custom approver roles (pre-created by
//      custom-approver-roles.bicep), ONLY to service principals;
//   3. optional (allowWorkspaceCreation): a custom "workspace creation" role with the dependency-resource writes
//      POST /workspaces needs, assigned ONLY at the resource groups listed in workspaceCreationResourceGroups;
//   4. an Event Grid system topic on the subscription + an event subscription that delivers successful ML
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

@description('GUIDs of the product\'s custom approver roles (custom-approver-roles.bicep) the app may assign, besides the built-in approver role.')
param customApproverRoleGuids string[]

@description('Grant the workspace-creation writes (POST /workspaces) at the resource groups below. Off: the app cannot create workspaces.')
param allowWorkspaceCreation bool = false

@description('Resource groups where the app may create workspaces: "<name>" (in every governed subscription) or "<subscriptionId>/<name>" (in that one). Each must exist.')
param workspaceCreationResourceGroups string[] = []

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
// 1. Custom operator role. src/arm/actions.ts ARM_ACTION_LIST minus OPERATOR_ONLY_ACTIONS, minus the role-assignment
//    write (conditionallyDelegatedActions, part 2) and minus WORKSPACE_CREATION_ONLY_ACTIONS (part 3): tests/infra
//    checks the union of parts 1 and 3 equals exactly that, with no extras.
//    No wildcard except ML locations/*/read (operation status polls). No */read: the app is not a Reader.
//    Microsoft.Authorization/roleDefinitions/write is deliberately NOT here (nor anywhere in infra): the operator
//    role is a custom role at this subscription, so an app that could write role definitions here could add '*' to
//    its own role. The custom approver roles it needs are pre-created by custom-approver-roles.bicep.
//    Microsoft.Authorization/roleAssignments/write is deliberately NOT here: RBAC is additive, so an unconditioned
//    grant here would void the ABAC condition in part 2 and let the app assign any role (e.g. Owner) to anyone.
// ---------------------------------------------------------------------------------------------------------------
var operatorRoleActions = [
  'Microsoft.Authorization/locks/read'
  'Microsoft.Authorization/roleAssignments/read'
  'Microsoft.Authorization/roleDefinitions/read'
  'Microsoft.ContainerRegistry/registries/read'
  'Microsoft.Insights/components/read'
  'Microsoft.KeyVault/vaults/read'
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
  'Microsoft.Storage/storageAccounts/read'
]

resource operatorRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, environmentName, 'mnet-autopilot-operator')
  properties: {
    // Role names are unique per tenant: include environment and subscription.
    roleName: 'mnet-autopilot operator (${environmentName}, ${subscription().subscriptionId})'
    description: 'The ARM actions the mnet-autopilot app uses (src/arm/actions.ts), without role-definition writes (never granted), role-assignment writes (ABAC-conditioned delegate) and workspace-creation writes (optional, per resource group).'
    type: 'CustomRole'
    permissions: [
      {
        actions: operatorRoleActions
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
// 2. Role assignment delegate: a custom role with role-assignment read/write/delete ONLY (a built-in role such as
//    Role Based Access Control Administrator would also bring */read and Microsoft.Support/*), assigned with an ABAC
//    condition ("Constrain roles and principal types"): write AND delete of role assignments only for the approver
//    role and the product's custom approver roles, only for service principals.
//    Write is checked on the request (@Request), delete on the existing assignment (@Resource).
// ---------------------------------------------------------------------------------------------------------------

// Actions of ARM_ACTION_LIST the app receives ONLY through the ABAC-conditioned assignment below.
var conditionallyDelegatedActions = [
  'Microsoft.Authorization/roleAssignments/write'
]

var roleAssignmentDelegateActions = [
  'Microsoft.Authorization/roleAssignments/read'
  'Microsoft.Authorization/roleAssignments/write'
  'Microsoft.Authorization/roleAssignments/delete'
]

resource delegateRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, environmentName, 'mnet-autopilot-role-assignment-delegate')
  properties: {
    roleName: 'mnet-autopilot role assignment delegate (${environmentName}, ${subscription().subscriptionId})'
    description: 'Role assignments only; assigned to the mnet-autopilot app with an ABAC condition limiting it to the private endpoint approver roles, for service principals.'
    type: 'CustomRole'
    permissions: [
      {
        actions: roleAssignmentDelegateActions
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

var approverRoleGuid = roles.azureAiEnterpriseNetworkConnectionApprover
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
  name: guid(subscription().id, appPrincipalId, delegateRole.id)
  properties: {
    roleDefinitionId: delegateRole.id
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'mnet-autopilot (${environmentName}): may assign only the private-endpoint approver role(s), only to service principals.'
    condition: abacCondition
    conditionVersion: '2.0'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Optional workspace creation (POST /workspaces): src/arm/actions.ts WORKSPACE_CREATION_ONLY_ACTIONS, granted
//    ONLY at the listed resource groups (never subscription-wide), and only when allowWorkspaceCreation is true.
// ---------------------------------------------------------------------------------------------------------------
var workspaceCreationActions = [
  'Microsoft.ContainerRegistry/registries/write'
  'Microsoft.Insights/components/write'
  'Microsoft.KeyVault/vaults/write'
  'Microsoft.Resources/subscriptions/resourceGroups/write'
  'Microsoft.Storage/storageAccounts/write'
]

// "<name>" applies in every governed subscription, "<subscriptionId>/<name>" in that subscription only.
var workspaceCreationGroupsHere = filter(workspaceCreationResourceGroups, g => !empty(trim(g)) && (!contains(g, '/') || startsWith(toLower(trim(g)), '${toLower(subscription().subscriptionId)}/')))
var workspaceCreationGroupNames = allowWorkspaceCreation ? map(workspaceCreationGroupsHere, g => last(split(trim(g), '/'))) : []
var workspaceCreationRoleGuid = guid(subscription().id, environmentName, 'mnet-autopilot-workspace-creation')

resource workspaceCreationRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (allowWorkspaceCreation) {
  name: workspaceCreationRoleGuid
  properties: {
    roleName: 'mnet-autopilot workspace creation (${environmentName}, ${subscription().subscriptionId})'
    description: 'Writes of an ML workspace\'s dependent resources and resource group, for mnet-autopilot POST /workspaces; assigned only at listed resource groups.'
    type: 'CustomRole'
    permissions: [
      {
        actions: workspaceCreationActions
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

module workspaceCreationAccess 'workspace-creation-access.bicep' = [for groupName in workspaceCreationGroupNames: {
  name: 'mnet-wscreate-${uniqueString(subscription().id, environmentName, groupName)}'
  scope: resourceGroup(groupName)
  params: {
    environmentName: environmentName
    principalId: appPrincipalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', workspaceCreationRoleGuid)
  }
  dependsOn: [
    workspaceCreationRole
  ]
}]

// ---------------------------------------------------------------------------------------------------------------
// 4. Event Grid: system topic of the subscription (one per subscription is allowed) + event subscription.
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
output roleAssignmentDelegateRoleDefinitionId string = delegateRole.id
output roleAssignmentDelegateAssignmentId string = delegatedAssignment.id
output workspaceCreationResourceGroups string[] = workspaceCreationGroupNames
output systemTopicId string = topic.outputs.id
output conditionallyDelegatedActions string[] = conditionallyDelegatedActions
