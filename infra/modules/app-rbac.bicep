// Data-plane roles of the app identity on its own storage account and Application Insights, in the app's
// resource group. Durable Functions (Azure Storage provider) uses blobs (leases, large payloads), queues (control
// and work-item queues) and tables (history, instances), hence one role per service.

@description('Storage account of the app.')
param storageAccountName string

@description('Application Insights component of the app.')
param applicationInsightsName string

@description('Principal (object) id of the app identity.')
param principalId string

var roles = loadJsonContent('../roles.json')

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Owner (not Contributor) on blobs: the Functions host manages blob leases and the Flex platform reads the
// deployment package with this identity.
var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleGuid in storageRoles: {
  name: guid(storage.id, principalId, roleGuid)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleGuid)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

// Entra-authenticated telemetry (APPLICATIONINSIGHTS_AUTHENTICATION_STRING) needs this role on the component.
resource telemetryAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalId, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
