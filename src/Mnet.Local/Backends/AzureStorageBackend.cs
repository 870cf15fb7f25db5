using System.Globalization;
using Azure.Storage.Blobs;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace Mnet.Local.Backends;

/// <summary>
/// The Azure Storage provider Durable Functions runs on in Azure, configured from the engine's options.
/// </summary>
internal static class AzureStorageBackend
{
    public static AzureStorageOrchestrationService Create(LocalEngineOptions options, ILoggerFactory loggerFactory)
    {
        string connectionString =
            options.Store ?? throw new InvalidOperationException("no Azure Storage store configured");
        RequireConnectionString(connectionString);
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = options.TaskHub,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseRenewInterval,
            // The table partition manager (the default) renews and acquires in one loop paced by this interval.
            LeaseAcquireInterval = options.LeaseRenewInterval,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            // One app per local task hub: the app lease only adds a minute's wait after a crash.
            UseAppLease = false,
            // Unique per engine: two engines on one machine must not pass for one owner of the same leases.
            WorkerId = string.Create(CultureInfo.InvariantCulture,
                $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"),
            LoggerFactory = loggerFactory,
            CustomMessageTypeBinder = new ProtobufTagsTypeBinder(),
        };
        return new AzureStorageOrchestrationService(settings);
    }

    static void RequireConnectionString(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            // Neither the value nor the parser's words go in the message: a connection string may carry a key.
            throw new LocalEngineOptionsException(nameof(LocalEngineOptions.Store),
                "is not an Azure Storage connection string; use null for the in-memory store or " +
                $"'{LocalEngineOptions.DevelopmentStorage}' for Azurite");
        }
    }
}
