namespace Mnet.Cli.Report;

/// <summary>A workspace's managed network at one moment, read through the ARM client (never from expectations).</summary>
public sealed record NetworkView
{
    /// <summary>Emulated time of the read.</summary>
    public required DateTimeOffset ReadAt { get; init; }
    public required string IsolationMode { get; init; }
    public string? FirewallSku { get; init; }
    public string? PublicNetworkAccess { get; init; }
    /// <summary>Managed network status: Active | Inactive.</summary>
    public string? NetworkStatus { get; init; }
    public bool? SparkReady { get; init; }
    public IReadOnlyList<RuleView> Rules { get; init; } = [];
    public IReadOnlyList<ComputeView> Computes { get; init; } = [];
    public IReadOnlyList<string> OnlineEndpoints { get; init; } = [];

    /// <summary>A workspace with a managed network (the diagrams draw only those).</summary>
    public bool IsManaged => IsolationMode is not ("Disabled" or "");
}
