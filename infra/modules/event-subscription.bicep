// Delivers successful ML workspace writes on this subscription to the app's Event Grid function. Filtered on the
// server so the app is only invoked for workspace writes; events are hints (at-least-once, unordered), the app
// re-reads the workspace.

@description('Name of the existing system topic (same resource group).')
param systemTopicName string

@description('Resource id of the function app.')
param functionAppId string

@description('Dead-letter storage account resource id and container.')
param deadLetterStorageAccountId string
param deadLetterContainerName string

@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 10

@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

// The Event Grid trigger the app registers (src/functions, triggers engineer). Keep in sync: tests/infra checks it.
var eventGridFunctionName = 'eventGridWorkspaceChanged'

// ARM operations that mean "a workspace (and so possibly its managedNetwork) was written".
var watchedOperations = [
  'Microsoft.MachineLearningServices/workspaces/write'
]

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource workspaceWrites 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'mnet-workspace-writes'
  properties: {
    destination: {
      endpointType: 'AzureFunction'
      properties: {
        resourceId: '${functionAppId}/functions/${eventGridFunctionName}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Resources.ResourceWriteSuccess'
      ]
      // Subjects are resource ids: /subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{ws}
      subjectBeginsWith: '${subscription().id}/resourceGroups/'
      isSubjectCaseSensitive: false
      enableAdvancedFilteringOnArrays: false
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.operationName'
          values: watchedOperations
        }
        {
          operatorType: 'StringContains'
          key: 'subject'
          values: [
            '/providers/Microsoft.MachineLearningServices/workspaces/'
          ]
        }
      ]
    }
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: deadLetterStorageAccountId
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output id string = workspaceWrites.id
output functionName string = eventGridFunctionName
