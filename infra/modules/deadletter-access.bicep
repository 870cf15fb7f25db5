// Lets an Event Grid system topic's identity write dead-lettered events into ONE container of the app's storage
// account (scoped to the container, not the account).

@description('Storage account holding the dead-letter container.')
param storageAccountName string

@description('Dead-letter container.')
param containerName string

@description('Principal id of the system topic\'s managed identity.')
param principalId string

var roles = loadJsonContent('../roles.json')

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobServices 'blobServices' existing = {
    name: 'default'

    resource container 'containers' existing = {
      name: containerName
    }
  }
}

resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobServices::container.id, principalId, roles.storageBlobDataContributor)
  scope: storage::blobServices::container
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
