using System.Text.RegularExpressions;
using Mnet.Service.Configuration;

namespace Mnet.Infra.Tests.Checks;

/// <summary>
/// (g) Event Grid: a system topic per governed subscription, an event subscription delivering ResourceWriteSuccess of
/// ML workspaces to the app's STORAGE QUEUE with the topic's managed identity (the queue the app reads,
/// MNET_EVENT_QUEUE), filtered on the server, dead-lettered to a blob container with the same identity.
/// </summary>
public static class EventGridCheck
{
    public static IReadOnlyList<string> Check(string bicep, string defaultQueueName)
    {
        var problems = new List<string>();
        var code = BicepText.StripComments(bicep);
        (string Pattern, string What)[] required =
        [
            (@"Microsoft\.EventGrid/systemTopics@", "an Event Grid system topic"),
            (@"topicType\s*:\s*'Microsoft\.Resources\.Subscriptions'", "topicType 'Microsoft.Resources.Subscriptions'"),
            (@"location\s*:\s*'global'", "the system topic at location 'global'"),
            (@"Microsoft\.EventGrid/systemTopics/eventSubscriptions@", "an event subscription"),
            (@"deliveryWithResourceIdentity\s*:\s*\{\s*identity\s*:\s*\{\s*type\s*:\s*'SystemAssigned'\s*\}\s*destination\s*:\s*\{\s*endpointType\s*:\s*'StorageQueue'", "delivery to a storage queue with the topic's managed identity"),
            (@"\bqueueName\s*:\s*queueName\b", "the event queue as the destination's queue"),
            (@"'Microsoft\.Resources\.ResourceWriteSuccess'", "the ResourceWriteSuccess event type"),
            (@"operatorType\s*:\s*'StringIn'\s*key\s*:\s*'data\.operationName'", "a StringIn filter on data.operationName"),
            (@"'Microsoft\.MachineLearningServices/workspaces/write'", "the workspaces/write operation"),
            (@"operatorType\s*:\s*'StringBeginsWith'\s*key\s*:\s*'subject'\s*values\s*:\s*subjectPrefixes", "a subject filter on the governed groups' workspaces"),
            (@"'/providers/Microsoft\.MachineLearningServices/workspaces/'", "a subject filter on ML workspaces"),
            (@"retryPolicy\s*:\s*\{[^}]*maxDeliveryAttempts[^}]*eventTimeToLiveInMinutes", "a retry policy"),
            (@"deadLetterWithResourceIdentity\s*:", "dead-lettering with the topic identity"),
            (@"resource\s+\w+\s+'queues'\s*=\s*\{\s*name\s*:\s*eventQueueName\s*\}", "the event queue in the app's storage account"),
            (@"scope\s*:\s*storage::queueServices::queue\b[\s\S]*?roles\.storageQueueDataMessageSender", "the queue sender role for the topic, scoped to the queue"),
            (@"\{\s*name\s*:\s*'MNET_EVENT_QUEUE'\s*,\s*value\s*:\s*eventQueueName\s*\}", "MNET_EVENT_QUEUE set to the same queue"),
        ];
        problems.AddRange(required.Where(r => !Regex.IsMatch(code, r.Pattern)).Select(r => $"Event Grid wiring lacks {r.What}"));
        foreach (var endpoint in new[] { "AzureFunction", "WebHook" })
        {
            if (Regex.IsMatch(code, $@"endpointType\s*:\s*'{endpoint}'")) problems.Add($"Event Grid delivers to a {endpoint} endpoint: the app reads a storage queue");
        }
        if (Regex.IsMatch(code, @"\bproperties\s*:\s*\{\s*destination\s*:")) problems.Add("the event subscription has a destination outside deliveryWithResourceIdentity (delivered without the topic's identity)");
        var queueDefault = Regex.Match(code, @"^param\s+eventQueueName\s+string\s*=\s*'([^']*)'", RegexOptions.Multiline);
        if (!queueDefault.Success || queueDefault.Groups[1].Value != defaultQueueName)
        {
            problems.Add($"main.bicep eventQueueName defaults to {(queueDefault.Success ? queueDefault.Groups[1].Value : "nothing")}, the app to {defaultQueueName}");
        }
        return problems;
    }

    /// <summary>The default the app reads when MNET_EVENT_QUEUE is unset.</summary>
    public static string AppDefaultQueue => SettingCatalog.Get(SettingNames.EventQueue).DefaultValue;
}
