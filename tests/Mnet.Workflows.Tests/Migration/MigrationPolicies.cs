using System.Text.Json.Nodes;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Migration;

/// <summary>The migration tests' policy: approved outbound (two FQDN rules) in the empty scenario's subscription.</summary>
public static class MigrationPolicies
{
    /// <summary>compute_migration <paramref name="mode"/> with max_parallel_deletes <paramref name="maxParallelDeletes"/> (TS policy()).</summary>
    public static Core.Policy.Policy Approved(string mode = "require_approval", int maxParallelDeletes = 2, bool skipUnsupported = false, JsonObject? extra = null)
    {
        var all = extra?.DeepClone().AsObject() ?? [];
        all["compute_migration"] = new JsonObject
        {
            ["mode"] = mode,
            ["max_parallel_deletes"] = maxParallelDeletes,
            ["skip_unsupported"] = skipUnsupported,
        };
        return TestPolicies.ApprovedOutbound([EmptyScenario.SubscriptionId], all);
    }
}
