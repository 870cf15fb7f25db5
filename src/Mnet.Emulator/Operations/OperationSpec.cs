using System.Text.Json.Nodes;

namespace Mnet.Emulator.Operations;

/// <summary>What a handler starts: the operation's target, its duration on the emulator clock and its effects.</summary>
public sealed class OperationSpec
{
    /// <summary>e.g. workspaceCreate, ruleWrite, provisionManagedNetwork (admin listing, lookups).</summary>
    public required string Kind { get; init; }

    /// <summary>ARM id of the resource it acts on.</summary>
    public required string Target { get; init; }

    public required string SubscriptionId { get; init; }

    /// <summary>Region in the poll URL (.../locations/{location}/mfeOperationsStatus/{id}).</summary>
    public required string Location { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>State change applied when it succeeds (under the state gate).</summary>
    public Action? OnSucceeded { get; init; }

    /// <summary>State change applied when it fails (a fault or a service rule); not on cancel.</summary>
    public Action<OperationError>? OnFailed { get; init; }

    /// <summary>What the Location poll returns after success; null -> 204 No Content.</summary>
    public Func<JsonNode?>? FinalBody { get; init; }

    /// <summary>Decides at completion that it fails (e.g. a lock found when provisioning ends).</summary>
    public Func<OperationError?>? FailAtCompletion { get; init; }
}
