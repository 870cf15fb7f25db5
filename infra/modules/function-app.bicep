// The function app on the Flex Consumption plan (FC1): the .NET isolated worker, running as the user-assigned
// identity, with exactly the application settings the app validates at start-up
// (src/Mnet.Service/Configuration/SettingCatalog.cs; tests/Mnet.Infra.Tests cross-checks the names).
//
// Flex Consumption notes (see "Flex Consumption plan deprecations" in the Functions app settings reference):
// - FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION are NOT app settings on Flex; the runtime is declared
//   in functionAppConfig.runtime and the platform provides it to the host.
// - No WEBSITE_CONTENT*/WEBSITE_RUN_FROM_PACKAGE: the package lives in functionAppConfig.deployment.storage.

@description('Function app name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Region (must offer Flex Consumption).')
param location string

@description('Tags.')
param tags object = {}

@description('Storage account of the app (host, task hub, package, snapshots, event queue).')
param storageAccountName string

@description('Container the Flex platform deploys the package to.')
param deploymentContainerName string

@description('Container for compute snapshots.')
param snapshotContainerName string

@description('Resource id of the app\'s user-assigned identity.')
param identityId string

@description('Client id of the app\'s user-assigned identity.')
param identityClientId string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Flex maximum instance count (applies to each per-function scale group).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance (MB).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

// ----- values of the app's own settings (src/Mnet.Service/Configuration/SettingCatalog.cs) -----
@description('MNET_ARM_MAX_INSTANCES: most instances that may call ARM at once (maximumInstanceCount x the scale groups that call ARM).')
@minValue(1)
param armMaxInstances int

@description('MNET_TASK_HUB: Durable Functions task hub (host.json reads %MNET_TASK_HUB%).')
param taskHubName string

@description('MNET_SUBSCRIPTIONS: governed subscription ids, comma-separated.')
param subscriptionsCsv string

@description('MNET_POLICY_PATH.')
param policyPath string

@description('MNET_POLICY_DIR.')
param policyDir string

@description('MNET_ARM_ENDPOINT.')
param armEndpoint string

@description('MNET_ARM_WRITES_PER_SECOND (per instance; a string: fractional rates are allowed).')
param armWritesPerSecond string

@description('MNET_ARM_REQUESTS_PER_SECOND (per instance; a string: fractional rates are allowed).')
param armRequestsPerSecond string

@description('MNET_ARM_MAX_RETRIES.')
param armMaxRetries int

@description('MNET_DRIFT_SCHEDULE (NCRONTAB, six fields).')
param driftSchedule string

@description('MNET_APPROVER_AUTH.')
@allowed(['function-key', 'entra'])
param approverAuth string

@description('MNET_ENTRA_TENANT_ID.')
param entraTenantId string

@description('MNET_ENTRA_AUDIENCE.')
param entraAudience string

@description('MNET_ENTRA_APPROVER_ROLE.')
param allowedApproverAppRole string

@description('MNET_MAX_BODY_BYTES.')
param maxBodyBytes int

@description('MNET_CUSTOM_APPROVER_ROLES: <resourceType>=<roleDefinitionGuid>;... of the custom approver roles infra created.')
param customApproverRoles string

@description('MNET_EVENT_QUEUE: the queue Event Grid delivers workspace events to (in this storage account).')
param eventQueueName string

// The .NET version the app targets (Directory.Build.props: net10.0). Flex Consumption offers dotnet-isolated 10.0.
var dotnetVersion = '10.0'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the deployment target of service "api" (azure.yaml) by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        // Host storage by identity (the app's "AzureWebJobsStorage" requirement): blobs, queues, tables, and the
        // Durable task hub (Azure Storage provider). No plain AzureWebJobsStorage: it would need a key and win.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // The event queue's connection, by identity (the queue trigger's Connection = MNET_EVENT_QUEUE_STORAGE).
        { name: 'MNET_EVENT_QUEUE_STORAGE__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'MNET_EVENT_QUEUE_STORAGE__credential', value: 'managedidentity' }
        { name: 'MNET_EVENT_QUEUE_STORAGE__clientId', value: identityClientId }
        { name: 'MNET_EVENT_QUEUE', value: eventQueueName }
        // Telemetry by identity; the connection string only locates the component (local auth is disabled).
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // DefaultAzureCredential / ManagedIdentityCredential pick the user-assigned identity from this.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'AZURE_TENANT_ID', value: tenant().tenantId }
        { name: 'MNET_TASK_HUB', value: taskHubName }
        { name: 'MNET_SUBSCRIPTIONS', value: subscriptionsCsv }
        { name: 'MNET_POLICY_PATH', value: policyPath }
        { name: 'MNET_POLICY_DIR', value: policyDir }
        { name: 'MNET_ARM_ENDPOINT', value: armEndpoint }
        // Local emulator only: Azure's ARM endpoint has a publicly trusted certificate.
        { name: 'MNET_ARM_CA_FILE', value: '' }
        // The ARM budget of the whole app: instances x per-instance ceilings within ARM's limits (main.bicep).
        { name: 'MNET_ARM_MAX_INSTANCES', value: string(armMaxInstances) }
        { name: 'MNET_ARM_WRITES_PER_SECOND', value: armWritesPerSecond }
        { name: 'MNET_ARM_REQUESTS_PER_SECOND', value: armRequestsPerSecond }
        { name: 'MNET_ARM_MAX_RETRIES', value: string(armMaxRetries) }
        { name: 'MNET_DRIFT_SCHEDULE', value: driftSchedule }
        { name: 'MNET_SNAPSHOT_CONTAINER_URL', value: '${storage.properties.primaryEndpoints.blob}${snapshotContainerName}' }
        { name: 'MNET_APPROVER_AUTH', value: approverAuth }
        { name: 'MNET_ENTRA_TENANT_ID', value: entraTenantId }
        { name: 'MNET_ENTRA_AUDIENCE', value: entraAudience }
        { name: 'MNET_ENTRA_APPROVER_ROLE', value: allowedApproverAppRole }
        { name: 'MNET_MAX_BODY_BYTES', value: string(maxBodyBytes) }
        // The app assigns these pre-created roles; it is never granted roleDefinitions/write.
        { name: 'MNET_CUSTOM_APPROVER_ROLES', value: customApproverRoles }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        // No always-ready instances: the app is event/timer driven and tolerates a cold start. The same count
        // feeds MNET_ARM_MAX_INSTANCES (main.bicep), so the ARM ceilings follow any change of it.
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

// No publishing passwords: azd and the portal deploy with Entra tokens.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = site.name
output id string = site.id
output defaultHostName string = site.properties.defaultHostName
