using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Emulator;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores;

namespace Mnet.Workflows.Tests.Support;

/// <summary>How <see cref="WorkflowRig.StartAsync"/> composes the stack; every property has a default.</summary>
public sealed record WorkflowRigOptions
{
    /// <summary>Emulator scenario: "empty", "demo", "scale:N".</summary>
    public string Scenario { get; init; } = "empty";

    /// <summary>How much faster the emulator's clock runs than real time (600: a 30-minute provisioning in 3 s).</summary>
    public double Scale { get; init; } = 600;

    /// <summary>Emulator LRO durations (emulator time); the defaults are the realistic ones.</summary>
    public LroDurations? Durations { get; init; }

    /// <summary>Further emulator options (seed, page size, Retry-After, LRO header style...).</summary>
    public Func<EmulatorOptions, EmulatorOptions>? Emulator { get; init; }

    /// <summary>
    /// The ARM client's bearer token. The default is the emulator's anonymous operator (every permission); a GUID is
    /// that principal, whose effective permissions the emulator's permissions API answers from its role assignments.
    /// </summary>
    public string Token { get; init; } = "local-emulator-token";

    /// <summary>Activity settings. Default: role definitions may be written (a local run, like the CLI).</summary>
    public WorkflowSettings Settings { get; init; } = new() { AllowRoleDefinitionWrites = true };

    /// <summary>The document store; null: a folder store in the rig's temp dir (<see cref="WorkflowRig.StoreFolder"/>).</summary>
    public Func<string, IDocumentStore>? Store { get; init; }

    /// <summary>Activities that run twice in a row (at-least-once delivery); null: none.</summary>
    public ActivityRedelivery? Redelivery { get; init; }

    /// <summary>Extra registrations (test orchestrators) after <c>AddMnetWorkflows</c>.</summary>
    public Action<DurableTaskRegistry>? Register { get; init; }

    /// <summary>Extra services after <c>AddMnetActivities</c> (e.g. a replaced IArmClient decorator).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Engine store: null in memory; an Azure Storage connection string (Azurite) otherwise.</summary>
    public string? EngineStore { get; init; }

    /// <summary>Where the engine and the activities log (null: the engine's own, warnings to standard error).</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Task hub (Azure Storage engine store only needs it unique per test).</summary>
    public string TaskHub { get; init; } = "MnetWorkflowTests";
}
