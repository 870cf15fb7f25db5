// The function app on the Flex Consumption plan (FC1), running as the user-assigned identity, with every
// application setting the app reads (src/config/settings.ts; tests/infra cross-checks the names).
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

@description('Storage account of the app (host, task hub, package, snapshots).')
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

@description('Upper bound of Flex instances. The app throttles its own ARM writes, so a low ceiling is enough.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance (MB).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

// ----- values of the app's own settings (src/config/settings.ts) -----
@description('MNET_TASK_HUB: Durable Functions task hub (host.json reads %MNET_TASK_HUB%).')
param taskHubName string

@description('MNET_SUBSCRIPTIONS: governed subscription ids, comma-separated.')
param subscriptionsCsv string

@description('MNET_POLICY_PATH.')
param policyPath string

@description('MNET_POLICY_DIR.')
param policyDir string

@description('MNET_ARM_ENDPOINT (no trailing slash).')
param armEndpoint string

@description('MNET_ARM_WRITES_PER_SECOND (a string: fractional rates are allowed).')
param armWritesPerSecond string

@description('MNET_ARM_REQUESTS_PER_SECOND (a string: fractional rates are allowed).')
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
      appSettings: [
        // Host storage by identity (the app's "AzureWebJobsStorage" requirement): blobs, queues, tables.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // Telemetry by identity; the connection string only locates the component (local auth is disabled).
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // DefaultAzureCredential / ManagedIdentityCredential pick the user-assigned identity from this.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'MNET_TASK_HUB', value: taskHubName }
        { name: 'MNET_SUBSCRIPTIONS', value: subscriptionsCsv }
        { name: 'MNET_POLICY_PATH', value: policyPath }
        { name: 'MNET_POLICY_DIR', value: policyDir }
        { name: 'MNET_ARM_ENDPOINT', value: armEndpoint }
        // Local emulator only: Azure's ARM endpoint has a publicly trusted certificate.
        { name: 'MNET_ARM_CA_FILE', value: '' }
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
        // No always-ready instances: the app is event/timer driven and tolerates a cold start.
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: '20'
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
