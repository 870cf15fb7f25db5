using Mnet.Core.Policy;

namespace Mnet.Core.Planning;

/// <summary>
/// The compute migration step. Enabling the managed network (Disabled -> a managed mode) has no in-place path for
/// computes: every managed compute and managed online endpoint is snapshotted, deleted, and recreated once the
/// managed network is provisioned. The policy decides whether that may happen and who approves it.
/// </summary>
internal static class ComputeMigrationStage
{
    public static PartialPlan Plan(string workspaceId, ComputeInventory inventory, PolicyComputeMigration migration)
    {
        var output = new PartialPlan();
        var affected = inventory.Migrate.Count + inventory.Endpoints.Count;

        if (inventory.Unsupported.Count > 0 && !migration.SkipUnsupported)
        {
            output.Refused = new PlanRefusal(
                "unsupported-computes",
                $"Computes not supported in a managed network: {List(inventory.Unsupported.Select(c => (c.Name, c.ComputeType)))}. " +
                "Remove them first, or set compute_migration.skip_unsupported to leave them in place.");
            return output;
        }
        if (affected > 0 && migration.Mode == ComputeMigrationMode.Never)
        {
            var computes = List(inventory.Migrate.Select(c => (c.Name, c.ComputeType)));
            var endpointText = inventory.Endpoints.Count > 0
                ? $"; online endpoints: {string.Join(", ", inventory.Endpoints.Select(e => e.Name))}"
                : "";
            output.Refused = new PlanRefusal(
                "compute-migration-never",
                $"Enabling the managed network deletes and recreates every managed compute ({(computes.Length > 0 ? computes : "none")}{endpointText}), " +
                "and compute_migration.mode is never.");
            return output;
        }
        if (inventory.Unsupported.Count > 0)
        {
            output.Warnings.Add(new PlanWarning(
                "unsupported-computes-left",
                $"Left in place (not supported in a managed network; they will not run inside it): {List(inventory.Unsupported.Select(c => (c.Name, c.ComputeType)))}."));
        }
        if (affected == 0) return output;

        var id = StepKinds.StepId(StepKind.MigrateComputes);
        var names = inventory.Migrate.Select(c => $"{c.Name} ({c.ComputeType})")
            .Concat(inventory.Endpoints.Select(e => $"{e.Name} (online endpoint)"))
            .ToList();
        var automatic = migration.Mode == ComputeMigrationMode.Automatic;
        output.Steps.Add(new MigrateComputesStep
        {
            Id = id,
            Target = workspaceId,
            Reason = $"enabling the managed network requires deleting and recreating {affected} compute resource(s): {string.Join(", ", names)}",
            Flags = StepFlags.Of(disruptive: true, needsApproval: !automatic),
            Params = new MigrateComputesParams(
                [.. inventory.Migrate],
                [.. inventory.Endpoints],
                [.. inventory.Unsupported],
                automatic ? MigrationApproval.Automatic : MigrationApproval.RequireApproval,
                migration.ApprovalTimeoutHours,
                migration.MaxParallelDeletes),
        });
        output.Warnings.Add(new PlanWarning(
            "computes-recreated",
            $"These are deleted and recreated (running jobs stop, compute instance local disks are lost): {string.Join(", ", names)}. " +
            "Recreated computes and endpoints with system-assigned identities get NEW principals: roles granted to the old " +
            "identities must be granted again. Endpoint keys change.")
        {
            StepId = id,
        });
        return output;
    }

    private static string List(IEnumerable<(string Name, string ComputeType)> items) =>
        string.Join(", ", items.Select(c => $"{c.Name} ({c.ComputeType})"));
}
