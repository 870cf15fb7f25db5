namespace Mnet.Workflows.Migration.Activities;

/// <param name="Missing">Labels in the snapshot, not in the workspace (<c>compute cpu-1</c>, <c>deployment ep/blue</c>).</param>
/// <param name="Differences">One line each: <c>compute cpu-1: properties.description: "b" instead of "a"</c>.</param>
/// <param name="Verified">Labels present and equal to their snapshot.</param>
public sealed record VerifyMigrationOutput(
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Differences,
    IReadOnlyList<string> Verified);
