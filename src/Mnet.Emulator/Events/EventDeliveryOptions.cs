namespace Mnet.Emulator.Events;

/// <summary>
/// Where the emulator delivers the Azure Resource Manager events Event Grid would deliver for a subscription's
/// resource writes (a subscription system topic): an HTTP webhook, an Azure Storage queue, and/or custom sinks.
/// </summary>
public sealed record EventDeliveryOptions
{
    /// <summary>An Event Grid webhook endpoint (the validation handshake runs before the first delivery).</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>Handler for webhook calls (e.g. one trusting a local CA); null: the default handler.</summary>
    public Func<HttpMessageHandler>? WebhookHandler { get; init; }

    /// <summary>Run Event Grid's subscription validation handshake before the first webhook delivery.</summary>
    public bool ValidateWebhook { get; init; } = true;

    /// <summary>Azure Storage connection string of a queue destination (e.g. UseDevelopmentStorage=true for Azurite).</summary>
    public string? QueueConnectionString { get; init; }

    /// <summary>The destination queue (the Functions app's queue trigger listens on workspace-events).</summary>
    public string QueueName { get; init; } = "workspace-events";

    /// <summary>More destinations (tests).</summary>
    public IReadOnlyList<IEventSink> Sinks { get; init; } = [];

    /// <summary>Waits between delivery attempts; one attempt more than delays (Event Grid retries too).</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];

    public bool Enabled => WebhookUrl is not null || QueueConnectionString is not null || Sinks.Count > 0;
}
