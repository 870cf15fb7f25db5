// mnet-autopilot: one `azd up` (or `az deployment sub create`) to a least-privilege deployment.
// Creates the app (Flex Consumption, .NET isolated worker, user-assigned identity, identity-based storage and
// telemetry) in its own resource group, the product's custom approver roles (once, assignable in every governed
// subscription), then, on EACH governed subscription: the operator role at the governed resource groups only, the
// narrow subscription reads, the ABAC-constrained role-assignment delegate, the optional workspace-creation access and
// the Event Grid wiring (system topic -> storage queue of the app). See infra/README.md.
//
// String parameters fed from azd environment variables (main.parameters.json) arrive as '' when the variable is
// unset, so each is coalesced to its documented default below rather than relying on the parameter default.
targetScope = 'subscription'

// ----- deployment -----
@minLength(1)
@maxLength(64)
@description('azd environment name: names and tags every resource.')
param environmentName string

@minLength(1)
@description('Region of the app, its storage and monitoring. Must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group of the app. Empty: rg-<environmentName>.')
param resourceGroupName string = ''

// ----- what the app governs -----
@description('Governed subscription ids. Combined with targetSubscriptionIdsCsv; both empty: this deployment\'s subscription.')
param targetSubscriptionIds string[] = []

@description('Governed subscription ids, comma-separated (azd: MNET_TARGET_SUBSCRIPTION_IDS).')
param targetSubscriptionIdsCsv string = ''

@description('Resource groups (must exist) whose workspaces the policy governs: "<name>" (in every governed subscription) or "<subscriptionId>/<name>". The operator role is assigned there and nowhere wider.')
param governedResourceGroups string[] = []

@description('Same as governedResourceGroups, comma-separated (azd: MNET_GOVERNED_RESOURCE_GROUPS).')
param governedResourceGroupsCsv string = ''

@description('Let the app create workspaces (POST /workspaces): grants the dependency-resource writes at workspaceCreationResourceGroups only. Default: off.')
param allowWorkspaceCreation bool = false

@description('Same as allowWorkspaceCreation, as text (azd: MNET_ALLOW_WORKSPACE_CREATION): "true" turns it on.')
@allowed([
  ''
  'true'
  'false'
])
param allowWorkspaceCreationText string = ''

@description('Resource groups (must exist) where the app may create workspaces: "<name>" (in every governed subscription) or "<subscriptionId>/<name>".')
param workspaceCreationResourceGroups string[] = []

@description('Same as workspaceCreationResourceGroups, comma-separated (azd: MNET_WORKSPACE_CREATION_RESOURCE_GROUPS).')
param workspaceCreationResourceGroupsCsv string = ''

// ----- app settings (src/Mnet.Service/Configuration/SettingCatalog.cs) -----
@description('MNET_DRIFT_SCHEDULE: NCRONTAB (six fields) of the drift scan. Empty: every 6 hours.')
param driftSchedule string = '0 0 */6 * * *'

@description('MNET_POLICY_PATH: policy file inside the deployed package. Empty: policies/default.yaml.')
param policyPath string = 'policies/default.yaml'

@description('MNET_POLICY_DIR: folder of named policies inside the package. Empty: policies.')
param policyDir string = 'policies'

@description('MNET_APPROVER_AUTH: how approve/reject calls authenticate. Empty: entra (fail closed); function-key only when set explicitly.')
@allowed([
  ''
  'function-key'
  'entra'
])
param approverAuth string = 'entra'

@description('MNET_ENTRA_TENANT_ID: tenant whose tokens are accepted (entra). Empty with entra: this tenant.')
param entraTenantId string = ''

@description('MNET_ENTRA_AUDIENCE: application id URI of the approver app registration (entra; see README post-deploy).')
param entraAudience string = ''

@description('MNET_ENTRA_APPROVER_ROLE: app role an approver\'s token must carry. Empty: Mnet.Approver.')
param allowedApproverAppRole string = 'Mnet.Approver'

@description('MNET_ARM_WRITES_PER_SECOND: per-instance ceiling of ARM writes per subscription (a string: fractions allowed). Empty: ARM\'s write refill shared by every instance that may call ARM (derived below).')
param armWritesPerSecond string = ''

@description('MNET_ARM_REQUESTS_PER_SECOND: per-instance ceiling of ALL ARM requests per subscription (a string: fractions allowed). Empty: ARM\'s read refill shared by every instance that may call ARM (derived below).')
param armRequestsPerSecond string = ''

@description('MNET_ARM_MAX_RETRIES: retries of a throttled/failed ARM call.')
@minValue(0)
@maxValue(20)
param armMaxRetries int = 6

@description('MNET_MAX_BODY_BYTES: largest HTTP request body accepted.')
@minValue(1024)
param maxBodyBytes int = 262144

@description('MNET_ARM_ENDPOINT. Empty: the Resource Manager endpoint of the cloud being deployed to.')
param armEndpoint string = ''

@description('MNET_TASK_HUB: Durable Functions task hub (3-45 letters/digits, starting with a letter). Empty: mnetautopilot.')
param taskHubName string = 'mnetautopilot'

@description('MNET_EVENT_QUEUE: storage queue Event Grid delivers workspace events to. Empty: workspace-events.')
param eventQueueName string = 'workspace-events'

// ----- Event Grid -----
@description('Event Grid delivery attempts before dead-lettering.')
@minValue(1)
@maxValue(30)
param eventMaxDeliveryAttempts int = 10

@description('Event Grid time-to-live of an undelivered event (minutes).')
@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

// ----- Flex Consumption scale, set together with the ARM ceilings -----
@description('Flex Consumption maximum instance count. Flex applies it to EACH per-function scale group, so the app may run this many instances per group that calls ARM; MNET_ARM_MAX_INSTANCES and the per-instance ARM ceilings follow from it.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 1

@description('Memory per Flex Consumption instance (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

// ---------------------------------------------------------------------------------------------------------------
var roles = loadJsonContent('roles.json')
var tags = {
  'azd-env-name': environmentName
  product: 'mnet-autopilot'
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

var csvTargets = filter(map(split(targetSubscriptionIdsCsv, ','), s => toLower(trim(s))), s => !empty(s))
var listedTargets = filter(map(targetSubscriptionIds, s => toLower(trim(s))), s => !empty(s))
var requestedTargets = union(listedTargets, csvTargets)
var targets = empty(requestedTargets) ? [subscription().subscriptionId] : requestedTargets

var csvGovernedGroups = filter(map(split(governedResourceGroupsCsv, ','), g => trim(g)), g => !empty(g))
var governedGroups = union(filter(map(governedResourceGroups, g => trim(g)), g => !empty(g)), csvGovernedGroups)

var effectiveAllowWorkspaceCreation = allowWorkspaceCreation || allowWorkspaceCreationText == 'true'
var csvCreationGroups = filter(map(split(workspaceCreationResourceGroupsCsv, ','), s => trim(s)), s => !empty(s))
var creationGroups = union(filter(map(workspaceCreationResourceGroups, s => trim(s)), s => !empty(s)), csvCreationGroups)

var effectiveApproverAuth = approverAuth == 'function-key' ? 'function-key' : 'entra'
var effectiveEntraTenantId = effectiveApproverAuth == 'entra' && empty(entraTenantId) ? tenant().tenantId : entraTenantId

// ----- the ARM budget holds for the app, not per process -----
// ARM's buckets are per subscription and principal, and every instance is the same principal. Flex applies
// maximumInstanceCount to each per-function scale group; the app's groups that call ARM are the HTTP functions, the
// Durable functions, the event queue trigger and the drift timer (Mnet.Service ArmBudget.FlexScaleGroupsCallingArm).
var armLimits = loadJsonContent('arm-limits.json')
var armScaleGroups = 4
var armMaxInstances = maximumInstanceCount * armScaleGroups
// Per-instance ceilings, to the thousandth and rounded down, so that armMaxInstances x ceiling <= ARM's refill rate.
var armRequestsMilli = (armLimits.readsPerSecond * 1000) / armMaxInstances
var armWritesMilli = (min(armLimits.writesPerSecond, armLimits.deletesPerSecond) * 1000) / armMaxInstances
var derivedArmRequestsPerSecond = '${armRequestsMilli / 1000}.${padLeft(string(armRequestsMilli % 1000), 3, '0')}'
var derivedArmWritesPerSecond = '${armWritesMilli / 1000}.${padLeft(string(armWritesMilli % 1000), 3, '0')}'

var deploymentContainerName = 'app-package'
var snapshotContainerName = 'compute-snapshots'
var deadLetterContainerName = 'eventgrid-deadletter'
var effectiveEventQueueName = empty(eventQueueName) ? 'workspace-events' : eventQueueName

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'mnet-identity'
  scope: rg
  params: {
    name: 'id-mnet-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'mnet-monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-mnet-${resourceToken}'
    applicationInsightsName: 'appi-mnet-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'mnet-storage'
  scope: rg
  params: {
    name: 'stmnet${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    snapshotContainerName: snapshotContainerName
    deadLetterContainerName: deadLetterContainerName
    eventQueueName: effectiveEventQueueName
  }
}

module appRbac 'modules/app-rbac.bicep' = {
  name: 'mnet-app-rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    principalId: identity.outputs.principalId
  }
}

// The product's custom approver roles: one per uncovered private-endpoint target type, tenant-wide, assignable in
// every governed subscription, created in the first one. The app never defines roles; it finds these through
// MNET_CUSTOM_APPROVER_ROLES and may assign them only under the ABAC condition of each target subscription.
module customApproverRoleDefinitions 'modules/custom-approver-roles.bicep' = {
  name: 'mnet-custom-approver-roles-${uniqueString(environmentName)}'
  scope: subscription(targets[0])
  params: {
    environmentName: environmentName
    assignableSubscriptionIds: targets
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'mnet-function-app'
  scope: rg
  params: {
    name: 'func-mnet-${resourceToken}'
    planName: 'plan-mnet-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    snapshotContainerName: snapshotContainerName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    armMaxInstances: armMaxInstances
    taskHubName: empty(taskHubName) ? 'mnetautopilot' : taskHubName
    subscriptionsCsv: join(targets, ',')
    policyPath: empty(policyPath) ? 'policies/default.yaml' : policyPath
    policyDir: empty(policyDir) ? 'policies' : policyDir
    armEndpoint: empty(armEndpoint) ? environment().resourceManager : armEndpoint
    armWritesPerSecond: empty(armWritesPerSecond) ? derivedArmWritesPerSecond : armWritesPerSecond
    armRequestsPerSecond: empty(armRequestsPerSecond) ? derivedArmRequestsPerSecond : armRequestsPerSecond
    armMaxRetries: armMaxRetries
    driftSchedule: empty(driftSchedule) ? '0 0 */6 * * *' : driftSchedule
    approverAuth: effectiveApproverAuth
    entraTenantId: effectiveEntraTenantId
    entraAudience: entraAudience
    allowedApproverAppRole: empty(allowedApproverAppRole) ? 'Mnet.Approver' : allowedApproverAppRole
    maxBodyBytes: maxBodyBytes
    customApproverRoles: customApproverRoleDefinitions.outputs.setting
    eventQueueName: effectiveEventQueueName
  }
  // The host reads storage at start-up with the identity: grant first.
  dependsOn: [
    appRbac
  ]
}

module targetSubscriptions 'modules/target-subscription.bicep' = [for subscriptionId in targets: {
  name: 'mnet-target-${uniqueString(subscriptionId, environmentName)}'
  scope: subscription(subscriptionId)
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    customApproverRoleGuids: customApproverRoleDefinitions.outputs.roleDefinitionGuids
    governedResourceGroups: governedGroups
    allowWorkspaceCreation: effectiveAllowWorkspaceCreation
    workspaceCreationResourceGroups: creationGroups
    appSubscriptionId: subscription().subscriptionId
    appResourceGroupName: rg.name
    storageAccountName: storage.outputs.name
    storageAccountId: storage.outputs.id
    eventQueueName: effectiveEventQueueName
    deadLetterContainerName: deadLetterContainerName
    maxDeliveryAttempts: eventMaxDeliveryAttempts
    eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
  }
}]

// ----- outputs (azd stores them in the environment) -----
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output MNET_API_BASE_URL string = 'https://${functionApp.outputs.defaultHostName}/api'
output MNET_APP_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output MNET_APP_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output MNET_APP_IDENTITY_RESOURCE_ID string = identity.outputs.id
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output MNET_GOVERNED_SUBSCRIPTIONS string = join(targets, ',')
output MNET_OPERATOR_ROLE_DEFINITION_IDS string[] = [for (subscriptionId, i) in targets: targetSubscriptions[i].outputs.operatorRoleDefinitionId]
output MNET_OPERATOR_RESOURCE_GROUPS object[] = [for (subscriptionId, i) in targets: {
  subscriptionId: subscriptionId
  resourceGroups: targetSubscriptions[i].outputs.operatorResourceGroups
}]
output MNET_ASSIGNABLE_APPROVER_ROLE_GUIDS string = join(union([roles.azureAiEnterpriseNetworkConnectionApprover], customApproverRoleDefinitions.outputs.roleDefinitionGuids), ',')
output MNET_CUSTOM_APPROVER_ROLES string = customApproverRoleDefinitions.outputs.setting
output MNET_WORKSPACE_CREATION_ENABLED bool = effectiveAllowWorkspaceCreation
output MNET_ARM_MAX_INSTANCES int = armMaxInstances
