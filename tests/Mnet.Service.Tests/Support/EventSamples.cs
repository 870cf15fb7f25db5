using System.Text.Json.Nodes;

namespace Mnet.Service.Tests.Support;

/// <summary>
/// Resource events as Event Grid delivers them (arm-contract.md, Event Grid; the shapes of Azure's published samples):
/// Event Grid schema and CloudEvents 1.0.
/// </summary>
public static class EventSamples
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string CorrelationId = "c0a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b";
    public const string WorkspaceWrite = "Microsoft.MachineLearningServices/workspaces/write";

    /// <summary>A ResourceWriteSuccess event in the Event Grid schema.</summary>
    public static JsonObject Write(string resourceUri, string operationName = WorkspaceWrite, string eventType = "Microsoft.Resources.ResourceWriteSuccess",
        string id = "5b4b5a2a-6f5e-4c2a-9d9f-0c1f3e7f0a11")
    {
        string sub = resourceUri.Split('/').ElementAtOrDefault(2) ?? TestIds.Sub;
        return new JsonObject
        {
            ["id"] = id,
            ["topic"] = $"/subscriptions/{sub}",
            ["subject"] = resourceUri,
            ["eventType"] = eventType,
            ["eventTime"] = "2025-01-01T10:00:00.0000000Z",
            ["data"] = Data(resourceUri, operationName, sub),
            ["dataVersion"] = "2",
            ["metadataVersion"] = "1",
        };
    }

    /// <summary>The same event in the CloudEvents 1.0 schema.</summary>
    public static JsonObject CloudWrite(string resourceUri, string operationName = WorkspaceWrite, string id = "6c5b4a3b-7a6f-4d3b-8e9f-1d2f3e4f5a6b")
    {
        string sub = resourceUri.Split('/').ElementAtOrDefault(2) ?? TestIds.Sub;
        return new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = $"/subscriptions/{sub}",
            ["subject"] = resourceUri,
            ["type"] = "Microsoft.Resources.ResourceWriteSuccess",
            ["time"] = "2025-01-01T10:00:00.0000000Z",
            ["datacontenttype"] = "application/json",
            ["data"] = Data(resourceUri, operationName, sub),
        };
    }

    public static JsonObject Validation(string code = "512d38b6-c7b8-40c8-89fe-f46f9e9622b6") => new()
    {
        ["id"] = "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66",
        ["topic"] = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.EventGrid/topics/t",
        ["subject"] = "",
        ["data"] = new JsonObject { ["validationCode"] = code, ["validationUrl"] = "https://rp-eastus2.eventgrid.azure.net/..." },
        ["eventType"] = "Microsoft.EventGrid.SubscriptionValidationEvent",
        ["eventTime"] = "2025-01-01T10:00:00.0000000Z",
        ["metadataVersion"] = "1",
        ["dataVersion"] = "1",
    };

    static JsonObject Data(string resourceUri, string operationName, string sub) => new()
    {
        ["tenantId"] = Tenant,
        ["subscriptionId"] = sub,
        ["resourceGroup"] = resourceUri.Split('/').ElementAtOrDefault(4) ?? "rg-ml",
        ["resourceProvider"] = operationName.Split('/')[0],
        ["resourceUri"] = resourceUri,
        ["operationName"] = operationName,
        ["status"] = "Succeeded",
        ["correlationId"] = CorrelationId,
        ["authorization"] = new JsonObject
        {
            ["scope"] = resourceUri,
            ["action"] = operationName,
            ["evidence"] = new JsonObject { ["role"] = "Contributor" },
        },
        ["claims"] = new JsonObject { ["appid"] = "04b07795-8ddb-461a-bbee-02f9e1bf7b46" },
        ["httpRequest"] = new JsonObject
        {
            ["clientRequestId"] = "x",
            ["clientIpAddress"] = "10.0.0.1",
            ["method"] = "PUT",
            ["url"] = $"https://management.azure.com{resourceUri}?api-version=2025-09-01",
        },
    };
}
