// The app's storage account: Functions host + Durable Functions task hub (blobs, queues, tables), the Flex
// Consumption deployment package, compute snapshots, the queue Event Grid delivers workspace events to and the
// Event Grid dead-letter container.
// Shared keys are disabled: every client (the app, the Flex platform, Event Grid) uses Entra ID.

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Region.')
param location string

@description('Tags.')
param tags object = {}

@description('Container the Flex Consumption platform deploys the app package to.')
param deploymentContainerName string

@description('Container for compute snapshots saved before a compute is deleted (MNET_SNAPSHOT_CONTAINER_URL).')
param snapshotContainerName string

@description('Container Event Grid dead-letters undeliverable events to.')
param deadLetterContainerName string

@description('Queue Event Grid delivers workspace events to (MNET_EVENT_QUEUE; the app\'s queue trigger reads it).')
param eventQueueName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // No VNet in this deployment; 'AzureServices' keeps trusted services (Event Grid) working if a network
      // rule set is later tightened to Deny.
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobServices 'blobServices' = {
    name: 'default'
    properties: {
      // Snapshots are the only copy of a deleted compute's definition: keep deleted blobs for a week.
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource containers 'containers' = [for containerName in [deploymentContainerName, snapshotContainerName, deadLetterContainerName]: {
      name: containerName
      properties: {
        publicAccess: 'None'
      }
    }]
  }

  resource queueServices 'queueServices' = {
    name: 'default'

    // Created here (not by the trigger on first start) so the event subscriptions can deliver from the first
    // provision on, before the app is deployed.
    resource eventQueue 'queues' = {
      name: eventQueueName
    }
  }
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
