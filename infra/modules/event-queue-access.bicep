// Lets an Event Grid system topic's identity send messages to ONE queue of the app's storage account (scoped to the
// queue, not the account): Event Grid delivers workspace events there with managed identity, no storage keys.

@description('Storage account holding the event queue.')
param storageAccountName string

@description('The event queue (MNET_EVENT_QUEUE).')
param queueName string

@description('Principal id of the system topic\'s managed identity.')
param principalId string

var roles = loadJsonContent('../roles.json')

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource queueServices 'queueServices' existing = {
    name: 'default'

    resource queue 'queues' existing = {
      name: queueName
    }
  }
}

resource queueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::queueServices::queue.id, principalId, roles.storageQueueDataMessageSender)
  scope: storage::queueServices::queue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataMessageSender)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
