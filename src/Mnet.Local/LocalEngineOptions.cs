using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Mnet.Local;

/// <summary>
/// How <see cref="LocalEngine.StartAsync"/> composes the engine: which store, which task hub, how it logs.
/// </summary>
public sealed partial record LocalEngineOptions
{
    /// <summary>The connection string Azurite answers to with its default ports.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>
    /// Where the task hub lives: null keeps it in memory (gone when the engine stops); an Azure Storage connection
    /// string (or <see cref="DevelopmentStorage"/> for Azurite) selects the Azure Storage provider, whose task hub
    /// outlives the process and is picked up again by the next engine on the same <see cref="TaskHub"/>.
    /// </summary>
    public string? Store { get; init; }

    /// <summary>
    /// Task hub name. Azure Storage derives queue, table and container names from it, hence its rules:
    /// 3 to 45 characters, letters and digits, starting with a letter.
    /// </summary>
    public string TaskHub { get; init; } = "MnetLocal";

    /// <summary>
    /// Azure Storage only: how long a dequeued activity message stays hidden before another worker may take it.
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Azure Storage only: how long a dequeued orchestration (control queue) message stays hidden.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Azure Storage only: how long a partition lease lasts unless renewed (a dead owner loses it after this).
    /// </summary>
    public TimeSpan LeaseInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Azure Storage only: how often the partition manager renews its leases and looks for free ones.
    /// </summary>
    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Azure Storage only: the longest back-off between polls of an idle queue. Azure's default is 30 s; locally a
    /// short ceiling keeps a quiet engine responsive, and Azurite does not bill for polls.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long <see cref="LocalEngine.StopAsync"/> waits for the worker and the backend to finish.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The engine's own log level, written to standard error (standard output stays the caller's).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>
    /// Where the engine logs instead of standard error (its lifetime stays the caller's); overrides
    /// <see cref="LogLevel"/>.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The backend <see cref="Store"/> selects.</summary>
    public LocalEngineBackend Backend => Store is null ? LocalEngineBackend.InMemory : LocalEngineBackend.AzureStorage;

    /// <summary>
    /// Checks every option; throws <see cref="LocalEngineOptionsException"/> naming the first bad one.
    /// </summary>
    public void Validate()
    {
        if (Store is not null && string.IsNullOrWhiteSpace(Store))
        {
            throw new LocalEngineOptionsException(nameof(Store),
                "is blank; leave it null for the in-memory store or give an Azure Storage connection string");
        }

        if (!TaskHubName().IsMatch(TaskHub ?? string.Empty))
        {
            throw new LocalEngineOptionsException(nameof(TaskHub),
                $"'{TaskHub}' is not a task hub name: 3 to 45 letters or digits, starting with a letter");
        }

        RequirePositive(nameof(WorkItemQueueVisibilityTimeout), WorkItemQueueVisibilityTimeout);
        RequirePositive(nameof(ControlQueueVisibilityTimeout), ControlQueueVisibilityTimeout);
        RequirePositive(nameof(LeaseInterval), LeaseInterval);
        RequirePositive(nameof(LeaseRenewInterval), LeaseRenewInterval);
        RequirePositive(nameof(MaxQueuePollingInterval), MaxQueuePollingInterval);
        RequirePositive(nameof(ShutdownTimeout), ShutdownTimeout);
        if (LeaseRenewInterval >= LeaseInterval)
        {
            throw new LocalEngineOptionsException(nameof(LeaseRenewInterval),
                $"{LeaseRenewInterval} must be shorter than LeaseInterval ({LeaseInterval}), " +
                "or leases lapse between renewals");
        }
    }

    static void RequirePositive(string option, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new LocalEngineOptionsException(option, $"{value} must be positive");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();
}
