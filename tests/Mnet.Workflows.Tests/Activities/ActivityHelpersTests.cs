using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mnet.Workflows.Tests.Support;
using Mnet.Core.Resources;
using Mnet.Workflows.Activities.Network;
using Mnet.Workflows.Activities.State;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Tests.Activities;

/// <summary>Port of the activity cases of tests/durable/orchestrations/helpers.test.ts.</summary>
public sealed class ActivityHelpersTests
{
    [Fact]
    public void Outbound_rule_writes_carry_only_writable_fields()
    {
        var rule = WritableRules.Of(new PrivateEndpointOutboundRule
        {
            Category = "UserDefined", Status = "Active",
            Destination = new PrivateEndpointDestination { ServiceResourceId = "/x", SubresourceTarget = "blob", SparkStatus = "Inactive" },
        });

        Assert.Equal(
            """{"type":"PrivateEndpoint","destination":{"serviceResourceId":"/x","subresourceTarget":"blob","sparkEnabled":false},"category":"UserDefined","errorInformation":null}""",
            ArmJson.Serialize(rule));
    }

    [Fact]
    public void Workspace_patches_are_compared_with_the_current_values_and_an_empty_image_build_compute_is_a_value()
    {
        var ws = new Workspace
        {
            Id = "/w", Name = "w", Location = "eastus",
            Properties = new WorkspaceProperties
            {
                PublicNetworkAccess = "Enabled", ImageBuildCompute = "cpu",
                ManagedNetwork = new ManagedNetworkSettings { IsolationMode = IsolationMode.AllowInternetOutbound },
            },
        };
        WorkspaceNetworkPatch Patch(WorkspaceNetworkPatchProperties p) => new() { Properties = p };

        Assert.Empty(WorkspacePatchDifferences.Of(ws, Patch(new() { ManagedNetwork = new() { IsolationMode = IsolationMode.AllowInternetOutbound }, PublicNetworkAccess = "Enabled" })));
        Assert.Equal(["imageBuildCompute: cpu -> (none)"], WorkspacePatchDifferences.Of(ws, Patch(new() { ImageBuildCompute = "" })));
        Assert.Equal(["isolationMode: Disabled -> AllowOnlyApprovedOutbound"],
            WorkspacePatchDifferences.Of(ws with { Properties = new WorkspaceProperties() }, Patch(new() { ManagedNetwork = new() { IsolationMode = IsolationMode.AllowOnlyApprovedOutbound } })));
    }

    [Fact]
    public async Task Activities_refuse_to_run_without_their_dependencies()
    {
        var registry = new DurableTaskRegistry().AddWorkflowActivity<ReadWorkspaceStateActivity>(WorkflowNames.ReadWorkspaceState);
        using var empty = new ServiceCollection().BuildServiceProvider();
        var activity = ActivityFactories(registry)[WorkflowNames.ReadWorkspaceState](empty);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            activity.RunAsync(new FakeActivityContext(), new ReadWorkspaceStateInput("/w", false, false)));
        Assert.Contains("IArmClient", error.Message);
    }

    sealed class FakeActivityContext : TaskActivityContext
    {
        public override TaskName Name => WorkflowNames.ReadWorkspaceState;

        public override string InstanceId => "test";
    }

    [Fact]
    public async Task Activities_report_their_writes_to_the_log_and_reads_write_nothing_there()
    {
        var capture = new CapturingLoggerProvider("Mnet.Workflows.Activities");
        using var logging = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(capture));
        await using var rig = await Support.DemoRig.StartAsync(new Support.WorkflowRigOptions { LoggerFactory = logging });
        const string ws = Emulator.Scenarios.DemoWorkspaces.ApprovedCompliant;

        var first = await new PutOutboundRuleActivity(rig.Arm, logging.CreateLogger<PutOutboundRuleActivity>())
            .RunAsync(new PutOutboundRuleInput(ws, "pkg-extra", new FqdnOutboundRule { Destination = "extra.example.com" }));
        var again = await new PutOutboundRuleActivity(rig.Arm, logging.CreateLogger<PutOutboundRuleActivity>())
            .RunAsync(new PutOutboundRuleInput(ws, "pkg-extra", new FqdnOutboundRule { Destination = "extra.example.com" }));

        Assert.True(first.Changed);
        Assert.False(again.Changed);
        Assert.Equal([$"outbound rule pkg-extra written ({ws})"], capture.Lines);
    }

    [Fact]
    public void A_class_that_is_no_workflow_activity_is_refused_at_registration()
    {
        var error = Assert.Throws<ArgumentException>(() => new DurableTaskRegistry().AddWorkflowActivity<string>("x"));
        Assert.Contains("IWorkflowActivity", error.Message);
    }

    /// <summary>The registry's activity factories by name (internal to the SDK: read by reflection, tests only).</summary>
    internal static Dictionary<string, Func<IServiceProvider, ITaskActivity>> ActivityFactories(DurableTaskRegistry registry) =>
        Entries(registry, "Activities").ToDictionary(e => e.Name, e => (Func<IServiceProvider, ITaskActivity>)e.Value, StringComparer.Ordinal);

    /// <summary>The registry's orchestrator names (read by reflection, tests only).</summary>
    internal static HashSet<string> OrchestratorNames(DurableTaskRegistry registry) =>
        Entries(registry, "Orchestrators").Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

    static IEnumerable<(string Name, object Value)> Entries(DurableTaskRegistry registry, string property)
    {
        var items = (System.Collections.IEnumerable)typeof(DurableTaskRegistry)
            .GetProperty(property, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(registry)!;
        foreach (object item in items)
        {
            var type = item.GetType();
            yield return (((TaskName)type.GetProperty("Key")!.GetValue(item)!).Name, type.GetProperty("Value")!.GetValue(item)!);
        }
    }
}
