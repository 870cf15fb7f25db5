using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Migration;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Migration;

/// <summary>
/// Fix 2, the migration side: the custom status never exceeds the real host's 16 KB of UTF-16 JSON, even for the
/// largest migrations (three rule packs, many rules, 25+ computes with long names). The TypeScript budget of 14,000
/// characters let statuses reach 28 KB of UTF-16.
/// </summary>
public sealed class MigrationCustomStatusTests
{
    [Fact]
    public async Task TheLargestMigrationsStatusStaysUnder16KbOfUtf16_AtEveryLook()
    {
        // A faster clock than the other tests: this migration has many steps, and in-memory timers keep time well.
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions(new WorkflowRigOptions { Scale = 2400 }));
        var f = await MigrationFixture.BuildAsync(rig.Arm, new ComputeSet(18, 8, 1, 2, ComputeSet.Subnet, NamePrefix: "x-long-name"));
        var rules = new JsonArray();
        for (int i = 0; i < 25; i++)
        {
            rules.Add(new JsonObject { ["name"] = $"custom-rule-with-a-long-name-{i:D2}", ["type"] = "fqdn", ["destination"] = $"packages-{i:D2}.downloads.example-mirror.contoso.com" });
        }

        var policy = MigrationPolicies.Approved("automatic", maxParallelDeletes: 30, extra: new JsonObject
        {
            ["rule_packs"] = new JsonArray("python_packages", "vscode", "huggingface"),
            ["managed_network"] = new JsonObject { ["isolation_mode"] = "allow_only_approved_outbound", ["outbound_rules"] = rules },
        });
        string id = await rig.StartAsync(WorkflowNames.MigrateComputes, new MigrateComputesInput
        {
            WorkspaceId = f.WorkspaceId,
            Policy = policy,
            Request = new RequestMetadata(TriggerSource.Http, TicketId: "CHG-2025-000000000000000000000001"),
            Timings = rig.Timings,
        }, WorkflowInstanceIds.ForWorkspace(f.WorkspaceId, InstancePurpose.Migrate));

        // Look at the status as often as possible while it runs; the orchestration itself fails if it ever publishes
        // an oversized one (the status board checks every publish).
        int largest = 0;
        OrchestrationMetadata state;
        do
        {
            state = (await rig.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!;
            if (state?.SerializedCustomStatus is { } status) largest = Math.Max(largest, Encoding.Unicode.GetByteCount(status));
            await Task.Delay(20);
        }
        while (state is null || state.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending);

        var output = WorkflowRig.OutputOf<MigrateComputesOutput>(state);
        Assert.True(output.Result == MigrationResult.Migrated, MigrateComputesTests.Describe(output));
        Assert.True(output.Outcomes.Count > 50, $"{output.Outcomes.Count} outcomes: the status had to leave some out");
        int final = Encoding.Unicode.GetByteCount(state.SerializedCustomStatus!);
        Assert.True(final <= DurableLimits.MaxCustomStatusBytes, $"final status {final} bytes");
        Assert.True(largest <= DurableLimits.MaxCustomStatusBytes, $"largest status seen {largest} bytes");
        Assert.Equal(27, f.Computes.Count + f.Endpoints.Count);
    }
}
