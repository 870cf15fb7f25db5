using Microsoft.DurableTask.Client;
using Mnet.Core.Resources;
using Mnet.Emulator.Operations;
using Mnet.Emulator.Recording;
using Mnet.Workflows.Migration;

namespace Mnet.Workflows.Tests.Migration.Crash;

/// <summary>What one crash scenario produced, for its test to judge.</summary>
/// <param name="Requests">Every ARM request since the migration was scheduled (the killed process's and the new one's).</param>
/// <param name="Before">The fixture as built.</param>
/// <param name="Operations">Every long-running operation the emulator started meanwhile: a delete that took effect is one.</param>
/// <param name="Computes">The computes once the run completed; endpoints with deployments likewise.</param>
public sealed record CrashRun(
    CrashPhase Phase,
    MigrationFixture Before,
    OrchestrationRuntimeStatus Status,
    string? Failure,
    MigrateComputesOutput? Output,
    IReadOnlyList<RecordedRequest> Requests,
    IReadOnlyList<OperationRecord> Operations,
    IReadOnlyList<ComputeResource> Computes,
    IReadOnlyList<BuiltEndpoint> Endpoints,
    TimeSpan ToKill,
    TimeSpan KillToCompletion);
