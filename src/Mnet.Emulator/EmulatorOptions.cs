namespace Mnet.Emulator;

/// <summary>How to start an emulator. Every property has a default.</summary>
public sealed record EmulatorOptions
{
    /// <summary>"empty" (default), "demo" or "scale:N".</summary>
    public string Scenario { get; init; } = "empty";

    /// <summary>0: any free port. The emulator binds 127.0.0.1 only.</summary>
    public int Port { get; init; }

    /// <summary>Null: a FakeTimeProvider at 2025-01-01T00:00:00Z (tests advance it; nothing waits).</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Seed of probabilistic faults, generated data and derived ids.</summary>
    public uint Seed { get; init; } = 1;

    public LroDurations Durations { get; init; } = new();

    /// <summary>Retry-After on LRO answers.</summary>
    public int RetryAfterSeconds { get; init; } = 10;

    /// <summary>Items per page of list operations before a nextLink.</summary>
    public int PageSize { get; init; } = 100;

    public LroHeaderStyle LroHeaders { get; init; } = LroHeaderStyle.Spec;

    /// <summary>Where resource events go (webhook, Storage queue); null: none are raised.</summary>
    public Events.EventDeliveryOptions? Events { get; init; }

    /// <summary>
    /// Destinations of the Required FQDN rules an approved-outbound network reports once its firewall exists. The
    /// spec's rule list shows Required FQDN rules; which hosts the service adds is not documented (emulator choice:
    /// the compute instance host of seed 002).
    /// </summary>
    public IReadOnlyList<string> RequiredFqdnDestinations { get; init; } = ["*.instances.azureml.ms"];

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be 0..65535.");
        }

        if (RetryAfterSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryAfterSeconds), RetryAfterSeconds, "Must not be negative.");
        }

        if (PageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "Must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(Durations);
        Durations.Validate();
    }
}
