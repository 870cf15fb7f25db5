using Mnet.Core.Planning;

namespace Mnet.Workflows.Migration.Activities;

/// <param name="Computes">Names of the computes to save (the plan's).</param>
/// <param name="OnlineEndpoints">Names of the online endpoints to save, with all their deployments.</param>
/// <param name="Skipped">Unsupported computes left in place, recorded in the manifest.</param>
/// <param name="CapturedAt">From the orchestration's clock.</param>
public sealed record SnapshotComputesInput(
    string WorkspaceId,
    string MigrationId,
    IReadOnlyList<string> Computes,
    IReadOnlyList<string> OnlineEndpoints,
    IReadOnlyList<ComputeLeftInPlace> Skipped,
    DateTimeOffset CapturedAt);
