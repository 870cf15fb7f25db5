// Delivers successful ML workspace writes in the governed resource groups of this subscription to the app's event
// queue (a Storage Queue the app's queue trigger reads), with the system topic's managed identity. Filtered on the
// server so only workspace writes of governed groups arrive; events are hints (at-least-once, unordered), the app
// re-reads the workspace. A queue destination needs no deployed function: the subscription exists from the first
// provision on and events wait in the queue until the app runs.

@description('Name of the existing system topic (same resource group).')
param systemTopicName string

@description('Resource id of the app\'s storage account (holds the event queue).')
param storageAccountId string

@description('The event queue (MNET_EVENT_QUEUE).')
param queueName string

@description('Dead-letter container in the same storage account.')
param deadLetterContainerName string

@description('Subject prefixes: the workspaces of each governed resource group of this subscription.')
@minLength(1)
param subjectPrefixes string[]

@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 10

@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

// Event Grid takes at most 25 advanced-filter values per subscription; one goes to the operation name. With more
// governed groups than that, the subject filter falls back to every workspace of the subscription (the app checks
// the policy scope of each event anyway).
var maxSubjectPrefixes = 24
var subjectFilter = length(subjectPrefixes) <= maxSubjectPrefixes
  ? {
      operatorType: 'StringBeginsWith'
      key: 'subject'
      values: subjectPrefixes
    }
  : {
      operatorType: 'StringContains'
      key: 'subject'
      values: [
        '/providers/Microsoft.MachineLearningServices/workspaces/'
      ]
    }

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
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storageAccountId
          queueName: queueName
          // Kept until the app reads them (the event's own time-to-live governs retries, not this).
          queueMessageTimeToLiveInSeconds: -1
        }
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
      // Advanced filters compare strings without case.
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.operationName'
          values: watchedOperations
        }
        subjectFilter
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
          resourceId: storageAccountId
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output id string = workspaceWrites.id
