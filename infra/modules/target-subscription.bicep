// Everything the app needs on ONE governed (target) subscription, deployed with scope: subscription(id):
//   1. a custom "operator" role: the workspace, outbound rule, compute, endpoint and provisioning actions of the app's
//      ARM client (Mnet.Arm ArmActions), assigned to the app identity at EACH GOVERNED RESOURCE GROUP only
//      (governed-group-access.bicep), never at the subscription;
//   2. a custom "subscription reader" role: the few reads that are not inside a governed group (the subscription and
//      its provider registrations, ML operation-status polls under /subscriptions/{id}/providers/..., Resource Graph,
//      role definitions, and the workspaces' dependent resources and private-endpoint targets, which may live in any
//      group); named actions only, no */read; assigned at the subscription (infra/README.md says why);
//   3. a custom "role assignment delegate" role (roleAssignments read/write/delete ONLY - no built-in role, so no
//      */read or Microsoft.Support/* rides along), assigned at the subscription with an ABAC condition so the app can
//      create/delete ONLY assignments of the built-in approver role and the product's custom approver roles
//      (pre-created by custom-approver-roles.bicep), ONLY to service principals (targets live anywhere);
//   4. optional (allowWorkspaceCreation): a custom "workspace creation" role with the dependency-resource writes
//      POST /workspaces needs, assigned ONLY at the resource groups listed in workspaceCreationResourceGroups;
//   5. an Event Grid system topic on the subscription + an event subscription that delivers successful ML workspace
//      writes of the governed groups to the app's event queue, dead-lettering to the app's storage.
// Together 1-4 grant exactly Mnet.Arm ArmActions.ActionList minus ArmActions.OperatorOnly (tests/Mnet.Infra.Tests).
targetScope = 'subscription'

@description('azd environment name (names, role names, deterministic GUIDs).')
param environmentName string

@description('Region of the resource group that holds the system topic (the topic itself is global).')
param location string

@description('Tags.')
param tags object = {}

@description('Principal (object) id of the app\'s user-assigned identity.')
param appPrincipalId string

@description('GUIDs of the product\'s custom approver roles (custom-approver-roles.bicep) the app may assign, besides the built-in approver role.')
param customApproverRoleGuids string[]

@description('Resource groups whose workspaces the policy governs: "<name>" (in every governed subscription) or "<subscriptionId>/<name>" (in that one). Each must exist.')
param governedResourceGroups string[]

@description('Grant the workspace-creation writes (POST /workspaces) at the resource groups below. Off: the app cannot create workspaces.')
param allowWorkspaceCreation bool = false

@description('Resource groups where the app may create workspaces: "<name>" (in every governed subscription) or "<subscriptionId>/<name>" (in that one). Each must exist.')
param workspaceCreationResourceGroups string[] = []

@description('The app\'s subscription and resource group (its storage account holds the event queue and the dead letters).')
param appSubscriptionId string
param appResourceGroupName string

@description('The app\'s storage account: name and resource id.')
param storageAccountName string
param storageAccountId string

@description('The event queue (MNET_EVENT_QUEUE) and the dead-letter container in that storage account.')
param eventQueueName string
param deadLetterContainerName string

@description('Event Grid retry policy.')
@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 10

@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

var roles = loadJsonContent('../roles.json')

// "<name>" applies in every governed subscription, "<subscriptionId>/<name>" in that subscription only.
var here = toLower(subscription().subscriptionId)
var governedGroupsHere = filter(governedResourceGroups, g => !empty(trim(g)) && (!contains(g, '/') || startsWith(toLower(trim(g)), '${here}/')))
var workspaceCreationGroupsHere = filter(workspaceCreationResourceGroups, g => !empty(trim(g)) && (!contains(g, '/') || startsWith(toLower(trim(g)), '${here}/')))
var workspaceCreationGroupNames = allowWorkspaceCreation ? map(workspaceCreationGroupsHere, g => last(split(trim(g), '/'))) : []
// The app creates workspaces in the creation groups and then governs them, so they get the operator role too.
var operatorGroupNames = union(map(governedGroupsHere, g => last(split(trim(g), '/'))), workspaceCreationGroupNames)

// ---------------------------------------------------------------------------------------------------------------
// 1. Operator role, at the governed resource groups only. The workspace-scoped actions of Mnet.Arm ArmActions.
//    No wildcard, no */read. Microsoft.Authorization/roleDefinitions/write is deliberately NOT here (nor anywhere in
//    infra): an app that could write role definitions could widen its own roles. Role-assignment writes are NOT here
//    either: RBAC is additive, so an unconditioned grant would void the ABAC condition of part 3.
// ---------------------------------------------------------------------------------------------------------------
var operatorRoleActions = [
  'Microsoft.Authorization/locks/read'
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
  'Microsoft.Resources/subscriptions/resourceGroups/read'
]

var operatorRoleGuid = guid(subscription().id, environmentName, 'mnet-autopilot-operator')

resource operatorRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: operatorRoleGuid
  properties: {
    // Role names are unique per tenant: include environment and subscription.
    roleName: 'mnet-autopilot operator (${environmentName}, ${subscription().subscriptionId})'
    description: 'The workspace-scoped ARM actions of the mnet-autopilot app (Mnet.Arm ArmActions); assigned only at the resource groups the policy governs.'
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

module operatorAccess 'governed-group-access.bicep' = [for groupName in operatorGroupNames: {
  name: 'mnet-operator-${uniqueString(subscription().id, environmentName, groupName)}'
  scope: resourceGroup(groupName)
  params: {
    environmentName: environmentName
    principalId: appPrincipalId
    roleDefinitionId: operatorRole.id
  }
}]

// ---------------------------------------------------------------------------------------------------------------
// 2. Subscription reader: reads that are not inside a governed group, by name. Every one is a read; none is a
//    wildcard except ML locations/*/read (the operation-status polls, subscription-level paths). The three network /
//    private link scope reads let Resource Graph return what the posture audit of customer-VNet workspaces reads.
// ---------------------------------------------------------------------------------------------------------------
var subscriptionReadActions = [
  'Microsoft.Authorization/roleDefinitions/read'
  'Microsoft.ContainerRegistry/registries/read'
  'Microsoft.Insights/components/read'
  'Microsoft.Insights/privateLinkScopes/read'
  'Microsoft.KeyVault/vaults/read'
  'Microsoft.MachineLearningServices/locations/*/read'
  'Microsoft.Network/privateEndpoints/read'
  'Microsoft.Network/virtualNetworks/read'
  'Microsoft.ResourceGraph/resources/read'
  'Microsoft.Resources/subscriptions/providers/read'
  'Microsoft.Resources/subscriptions/read'
  'Microsoft.Storage/storageAccounts/read'
]

resource subscriptionReaderRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, environmentName, 'mnet-autopilot-subscription-reader')
  properties: {
    roleName: 'mnet-autopilot subscription reader (${environmentName}, ${subscription().subscriptionId})'
    description: 'The reads of the mnet-autopilot app outside the governed resource groups: subscription, provider registration, ML operation status, Resource Graph, role definitions, the types of a workspace\'s dependent resources and private-endpoint targets, and the VNets, private endpoints and Azure Monitor Private Link Scopes its posture audit reads.'
    type: 'CustomRole'
    permissions: [
      {
        actions: subscriptionReadActions
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

resource subscriptionReaderAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, appPrincipalId, subscriptionReaderRole.id)
  properties: {
    roleDefinitionId: subscriptionReaderRole.id
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'mnet-autopilot (${environmentName}): named reads outside the governed resource groups (see infra/README.md).'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Role assignment delegate: a custom role with role-assignment read/write/delete ONLY (a built-in role such as
//    Role Based Access Control Administrator would also bring */read and Microsoft.Support/*), assigned with an ABAC
//    condition ("Constrain roles and principal types"): write AND delete of role assignments only for the approver
//    role and the product's custom approver roles, only for service principals.
//    Write is checked on the request (@Request), delete on the existing assignment (@Resource).
// ---------------------------------------------------------------------------------------------------------------

// Actions of ArmActions.ActionList the app receives ONLY through the ABAC-conditioned assignment below.
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
// 4. Optional workspace creation (POST /workspaces): Mnet.Arm ArmActions.WorkspaceCreationOnly, granted ONLY at the
//    listed resource groups (never subscription-wide), and only when allowWorkspaceCreation is true.
// ---------------------------------------------------------------------------------------------------------------
var workspaceCreationActions = [
  'Microsoft.ContainerRegistry/registries/write'
  'Microsoft.Insights/components/write'
  'Microsoft.KeyVault/vaults/write'
  'Microsoft.Resources/subscriptions/resourceGroups/write'
  'Microsoft.Storage/storageAccounts/write'
]

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
// 5. Event Grid: system topic of the subscription (one per subscription is allowed) + event subscription to the
//    app's event queue, delivered and dead-lettered with the topic's identity.
// ---------------------------------------------------------------------------------------------------------------
var workspaceSubjectSegment = '/providers/Microsoft.MachineLearningServices/workspaces/'
var subjectPrefixes = map(operatorGroupNames, g => '${subscription().id}/resourceGroups/${g}${workspaceSubjectSegment}')

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

// The topic's identity sends to the event queue and writes undeliverable events to the dead-letter container, both
// in the app's storage account (which may be in another subscription).
module eventQueueAccess 'event-queue-access.bicep' = {
  name: 'mnet-evq-${uniqueString(subscription().id, environmentName)}'
  scope: resourceGroup(appSubscriptionId, appResourceGroupName)
  params: {
    storageAccountName: storageAccountName
    queueName: eventQueueName
    principalId: topic.outputs.principalId
  }
}

module deadLetterAccess 'deadletter-access.bicep' = {
  name: 'mnet-dlq-${uniqueString(subscription().id, environmentName)}'
  scope: resourceGroup(appSubscriptionId, appResourceGroupName)
  params: {
    storageAccountName: storageAccountName
    containerName: deadLetterContainerName
    principalId: topic.outputs.principalId
  }
}

// No governed group here: no workspace events are wanted from this subscription.
module eventSubscription 'event-subscription.bicep' = if (!empty(subjectPrefixes)) {
  name: 'mnet-evsub-${uniqueString(subscription().id, environmentName)}'
  scope: eventsRg
  params: {
    systemTopicName: topic.outputs.name
    storageAccountId: storageAccountId
    queueName: eventQueueName
    deadLetterContainerName: deadLetterContainerName
    subjectPrefixes: subjectPrefixes
    maxDeliveryAttempts: maxDeliveryAttempts
    eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
  }
  dependsOn: [
    eventQueueAccess
    deadLetterAccess
  ]
}

output operatorRoleDefinitionId string = operatorRole.id
output operatorResourceGroups string[] = operatorGroupNames
output subscriptionReaderRoleDefinitionId string = subscriptionReaderRole.id
output roleAssignmentDelegateRoleDefinitionId string = delegateRole.id
output roleAssignmentDelegateAssignmentId string = delegatedAssignment.id
output workspaceCreationResourceGroups string[] = workspaceCreationGroupNames
output systemTopicId string = topic.outputs.id
output conditionallyDelegatedActions string[] = conditionallyDelegatedActions
