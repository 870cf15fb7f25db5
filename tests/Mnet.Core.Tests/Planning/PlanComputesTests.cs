using Mnet.Core.Planning;
using Mnet.Core.Policy;
using Mnet.Core.Resources;
using static Mnet.Core.Tests.Planning.PlanFixtures;

namespace Mnet.Core.Tests.Planning;

/// <summary>Port of tests/planner/plan-computes.test.ts.</summary>
public class PlanComputesTests
{
    private static readonly OnlineEndpointState Endpoint = new(
        new OnlineEndpoint
        {
            Name = "churn-ep",
            Location = "eastus",
            Properties = new OnlineEndpointProperties { AuthMode = "Key", Traffic = new Dictionary<string, int> { ["blue"] = 100 } },
        },
        [
            new OnlineDeployment
            {
                Name = "blue",
                Location = "eastus",
                Properties = new OnlineDeploymentProperties { EndpointComputeType = "Managed", InstanceType = "Standard_DS3_v2" },
            },
        ]);

    private static PolicyComputeMigration Migration(ComputeMigrationMode mode, bool skipUnsupported = false) => new()
    {
        Mode = mode,
        ApprovalTimeoutHours = 24,
        SkipUnsupported = skipUnsupported,
        MaxParallelDeletes = 2,
    };

    private static Mnet.Core.Policy.Policy PolicyWith(PolicyComputeMigration migration) => MakePolicy() with { ComputeMigration = migration };

    private static WorkspaceState WithComputes(params ComputeResource[] computes) => new() { Workspace = MakeWorkspace(), Computes = computes };

    [Fact]
    public void Enabling_the_network_with_computes_gives_one_migrate_step_listing_them_first_before_the_mode_change()
    {
        var p = Planner.Plan(MakePolicy() with { PublicNetworkAccess = "disabled" }, new WorkspaceState
        {
            Workspace = MakeWorkspace(mode: IsolationMode.Disabled),
            Computes = [Cluster("cpu-cluster"), Cluster("gpu-cluster"), Instance("alice-ci")],
            OnlineEndpoints = [Endpoint],
        });
        Assert.True(p.ComputesKnown);
        Assert.Equal([StepKind.MigrateComputes, StepKind.SetPublicNetworkAccess, StepKind.SetIsolationMode, StepKind.ProvisionNetwork], p.Kinds());
        var m = Assert.IsType<MigrateComputesStep>(p.Steps[0]);
        Assert.Equal(["cpu-cluster:AmlCompute", "gpu-cluster:AmlCompute", "alice-ci:ComputeInstance"], m.Params.Computes.Select(c => $"{c.Name}:{c.ComputeType}"));
        var endpoint = Assert.Single(m.Params.OnlineEndpoints);
        Assert.Equal("churn-ep", endpoint.Name);
        Assert.Equal(["blue"], endpoint.Deployments);
        Assert.Null(endpoint.Id);
        Assert.Equal(StepKind.ProvisionNetwork, m.Params.RecreateAfterStep);
        Assert.Equal(10, m.Params.MaxParallelDeletes);
        Assert.True(m.Flags.Disruptive);
        Assert.True(m.Flags.NeedsApproval);
        Assert.Matches("cpu-cluster \\(AmlCompute\\).*alice-ci \\(ComputeInstance\\).*churn-ep", m.Reason);
    }

    [Fact]
    public void Automatic_migration_needs_no_approval()
    {
        var p = Planner.Plan(PolicyWith(Migration(ComputeMigrationMode.Automatic)), WithComputes(Cluster("c1")));
        Assert.False(p.Step<MigrateComputesStep>().Flags.NeedsApproval);
        Assert.Equal(MigrationApproval.Automatic, p.Step<MigrateComputesStep>().Params.Approval);
    }

    [Fact]
    public void Migration_mode_never_with_computes_is_refused_naming_the_computes()
    {
        var p = Planner.Plan(PolicyWith(Migration(ComputeMigrationMode.Never)), WithComputes(Cluster("c1"), Instance("ci1")));
        Assert.Equal("compute-migration-never", p.Refused?.Rule);
        Assert.Contains("c1 (AmlCompute), ci1 (ComputeInstance)", p.Refused?.Reason, StringComparison.Ordinal);
        Assert.Empty(p.Steps);
    }

    [Fact]
    public void Migration_mode_never_without_computes_is_fine()
    {
        var p = Planner.Plan(PolicyWith(Migration(ComputeMigrationMode.Never)), WithComputes());
        Assert.Null(p.Refused);
        Assert.DoesNotContain(p.Steps, s => s is MigrateComputesStep);
    }

    [Fact]
    public void Unsupported_computes_refuse_the_plan_unless_skip_unsupported()
    {
        ComputeResource[] computes = [Cluster("c1"), OtherCompute("aks1", "Kubernetes"), OtherCompute("vm1", "VirtualMachine"), Cluster("far", "westeurope")];
        var refused = Planner.Plan(MakePolicy(), WithComputes(computes));
        Assert.Equal("unsupported-computes", refused.Refused?.Rule);
        Assert.Contains("aks1 (Kubernetes), vm1 (VirtualMachine), far (AmlCompute)", refused.Refused?.Reason, StringComparison.Ordinal);

        var skipped = Planner.Plan(PolicyWith(Migration(ComputeMigrationMode.RequireApproval, skipUnsupported: true)), WithComputes(computes));
        Assert.Null(skipped.Refused);
        var m = skipped.Step<MigrateComputesStep>();
        Assert.Equal(["c1"], m.Params.Computes.Select(c => c.Name));
        Assert.Equal(["aks1", "vm1", "far"], m.Params.Skipped.Select(c => c.Name));
        Assert.True(skipped.HasWarning("unsupported-computes-left"));
    }

    [Fact]
    public void Attached_computes_are_left_alone_and_same_region_clusters_with_spaced_region_names_migrate()
    {
        var p = Planner.Plan(MakePolicy(), WithComputes(Cluster("c1", "East US"), OtherCompute("dbx", "Databricks")));
        var m = p.Step<MigrateComputesStep>();
        Assert.Equal(["c1"], m.Params.Computes.Select(x => x.Name));
        Assert.Empty(m.Params.Skipped);
    }

    [Fact]
    public void Computes_in_a_customer_vnet_drop_their_subnet_on_recreate()
    {
        var c = Cluster("vnet-cluster");
        c = c with
        {
            Properties = c.Properties with
            {
                Properties = Props(new
                {
                    vmSize = "STANDARD_DS3_V2",
                    subnet = new { id = "/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/s" },
                }),
            },
        };
        var p = Planner.Plan(MakePolicy(), WithComputes(c));
        Assert.True(p.Step<MigrateComputesStep>().Params.Computes[0].DropsSubnet);
    }

    [Fact]
    public void Computes_unknown_give_no_migrate_step_a_warning_and_computes_known_false()
    {
        var p = Planner.Plan(MakePolicy(), State(MakeWorkspace()));
        Assert.False(p.ComputesKnown);
        Assert.DoesNotContain(p.Steps, s => s is MigrateComputesStep);
        Assert.True(p.HasWarning("computes-unknown"));
    }

    [Fact]
    public void Already_managed_computes_are_not_migrated_again()
    {
        var p = Planner.Plan(MakePolicy(), new WorkspaceState { Workspace = MakeWorkspace(mode: IsolationMode.AllowInternetOutbound), Computes = [Cluster("c1")] });
        Assert.DoesNotContain(p.Steps, s => s is MigrateComputesStep);
    }

    [Fact]
    public void Migrated_computes_force_provisioning_even_with_provision_now_off()
    {
        var policy = MakePolicy() with { Provisioning = new() { ProvisionNow = false, IncludeSpark = false } };
        var p = Planner.Plan(policy, WithComputes(Cluster("c1")));
        Assert.Equal([StepKind.MigrateComputes, StepKind.SetIsolationMode, StepKind.ProvisionNetwork], p.Kinds());
    }

    [Fact]
    public void Image_build_compute_warns_when_the_named_compute_is_not_a_cluster()
    {
        var p = Planner.Plan(MakePolicy() with { ImageBuildCompute = "alice-ci" }, new WorkspaceState
        {
            Workspace = MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound),
            Computes = [Instance("alice-ci")],
        });
        Assert.Equal([StepKind.SetImageBuildCompute], p.Kinds());
        Assert.True(p.HasWarning("image-build-compute-type"));
    }

    [Fact]
    public void The_recreate_warning_says_recreated_identities_get_new_principals_and_endpoint_keys_change()
    {
        var p = Planner.Plan(MakePolicy(), new WorkspaceState { Workspace = MakeWorkspace(), Computes = [Cluster("c1")], OnlineEndpoints = [Endpoint] });
        var w = p.Warnings.Single(x => x.Code == "computes-recreated");
        Assert.Contains("system-assigned identities get NEW principals", w.Message, StringComparison.Ordinal);
        Assert.Contains("roles granted to the old identities must be granted again", w.Message, StringComparison.Ordinal);
        Assert.Contains("Endpoint keys change", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Online_endpoints_with_kubernetes_deployments_in_any_case_are_unsupported()
    {
        var k8s = new OnlineEndpointState(
            new OnlineEndpoint { Name = "k8s-ep", Location = "eastus", Properties = new OnlineEndpointProperties { AuthMode = "Key" } },
            [new OnlineDeployment { Name = "blue", Location = "eastus", Properties = new OnlineDeploymentProperties { EndpointComputeType = "KUBERNETES" } }]);
        var p = Planner.Plan(MakePolicy(), new WorkspaceState { Workspace = MakeWorkspace(), Computes = [], OnlineEndpoints = [k8s] });
        Assert.Equal("unsupported-computes", p.Refused?.Rule);
        Assert.Contains("k8s-ep", p.Refused?.Reason, StringComparison.Ordinal);
    }
}
