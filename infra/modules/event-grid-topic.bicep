// The Event Grid system topic of the subscription this resource group is in. Location is 'global' for
// subscription sources. System-assigned identity: used to dead-letter with Entra auth (no storage keys).

@description('System topic name.')
param name string

@description('Tags.')
param tags object = {}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: 'global'
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: subscription().id
    topicType: 'Microsoft.Resources.Subscriptions'
  }
}

output name string = systemTopic.name
output id string = systemTopic.id
output principalId string = systemTopic.identity.principalId
