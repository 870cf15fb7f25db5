using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Orchestrators;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>
/// Fix 2: the custom status never exceeds the Functions host's limit, 16 KB of UTF-16 JSON. The TypeScript budget
/// (14,000 characters) let onboarding statuses reach 21.5 KB. Driven by the largest plans: three rule packs, many
/// rules, 30 computes; every status an onboarding publishes, with every outcome recorded.
/// </summary>
public sealed class CustomStatusFitTests
{
    const string Sub = "00000000-0000-0000-0000-000000000001";
    const string Ws = $"/subscriptions/{Sub}/resourceGroups/rg-a-rather-long-resource-group-name-for-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-with-a-long-name-too";

    static Plan LargestPlan()
    {
        var rules = new JsonArray();
        for (int i = 0; i < 40; i++)
        {
            rules.Add(new JsonObject { ["name"] = $"fqdn-partner-endpoint-{i:00}", ["type"] = "fqdn", ["destination"] = $"api{i}.partner-services.example.com" });
        }

        for (int i = 0; i < 6; i++)
        {
            rules.Add(new JsonObject
            {
                ["name"] = $"pe-storage-account-{i}", ["type"] = "private_endpoint",
                ["destination"] = new JsonObject
                {
                    ["service_resource_id"] = $"/subscriptions/{Sub}/resourceGroups/rg-shared-data-platform/providers/Microsoft.Storage/storageAccounts/stdataplatform{i}",
                    ["subresource_target"] = "blob",
                },
            });
        }

        var policy = TestPolicies.From(new JsonObject
        {
            ["scope"] = new JsonObject { ["subscriptions"] = TestPolicies.Array([Sub]) },
            ["managed_network"] = new JsonObject { ["isolation_mode"] = "allow_only_approved_outbound", ["outbound_rules"] = rules },
            ["rule_packs"] = TestPolicies.Array(["python_packages", "vscode", "huggingface"]),
            ["public_network_access"] = "disabled",
        });
        var computes = Enumerable.Range(0, 30).Select(i => new ComputeResource
        {
            Id = $"{Ws}/computes/cluster-with-a-descriptive-name-{i:00}",
            Name = $"cluster-with-a-descriptive-name-{i:00}",
            Location = "eastus",
            Properties = new ComputeProperties { ComputeType = i % 3 == 0 ? "ComputeInstance" : "AmlCompute", ProvisioningState = "Succeeded" },
        }).ToList();
        var workspace = new Workspace
        {
            Id = Ws, Name = "ws-with-a-long-name-too", Location = "eastus", Kind = "Default",
            Identity = new ManagedServiceIdentity { Type = "SystemAssigned", PrincipalId = "11111111-1111-4111-8111-111111111111" },
            Properties = new WorkspaceProperties { PublicNetworkAccess = "Enabled" },
        };
        return Planner.Plan(policy, new WorkspaceState
        {
            Workspace = workspace, Computes = computes, OnlineEndpoints = [], RoleAssignments = [],
            Prerequisites = new WorkspacePrerequisites { NetworkProviderRegistered = true },
        }, new PlanContext { Now = DateTimeOffset.UnixEpoch });
    }

    /// <summary>What an onboarding of <paramref name="plan"/> publishes, from planning to the last outcome.</summary>
    static IEnumerable<OrchestrationCustomStatus> Statuses(Plan plan)
    {
        var summary = PlanSummaries.Summarize(plan);
        var at = DateTimeOffset.UnixEpoch;
        var status = new OrchestrationCustomStatus { Phase = OrchestrationPhase.Planning, WorkspaceId = Ws, TicketId = "CHG-0012345", Plan = summary };
        yield return status;
        var gated = plan.Steps.Where(s => s.Flags.NeedsApproval).Select(s => s.Id).ToList();
        yield return status with
        {
            Phase = OrchestrationPhase.WaitingForApproval, WaitingForApproval = new ApprovalWait(gated, at),
            Message = $"approval needed for {string.Join(", ", gated)}",
        };
        var outcomes = new List<StepOutcome>();
        // The migration's own outcomes first (a snapshot, a delete and a recreate per compute), then every step.
        foreach (var phase in new[] { "snapshot", "delete", "recreate" })
        {
            foreach (int i in Enumerable.Range(0, 30))
            {
                outcomes.Add(new StepOutcome($"migrate-computes:{phase}:cluster-with-a-descriptive-name-{i:00}", "migrate-computes", StepStatus.Succeeded, at, at,
                    $"{phase} of compute cluster-with-a-descriptive-name-{i:00} in {Ws} finished after 3 check(s); snapshot kept under the migration's folder"));
                yield return status with { Phase = OrchestrationPhase.Migrating, CurrentStep = "migrate-computes", Outcomes = [.. outcomes] };
            }
        }

        foreach (var step in plan.Steps)
        {
            outcomes.Add(new StepOutcome(step.Id, StepKinds.Name(step.Kind), StepStatus.Failed, at, at, step.Reason,
                new OrchestrationError("InvalidRuleDestination", $"{step.Reason}: the service refused it ({new string('x', 300)})")));
            yield return status with { Phase = OrchestrationPhase.Applying, CurrentStep = step.Id, Outcomes = [.. outcomes], Message = new string('m', 900) };
        }
    }

    [Fact]
    public void The_largest_plans_statuses_stay_under_16_KB_of_UTF16_JSON()
    {
        var plan = LargestPlan();
        Assert.True(plan.Steps.Count > 60, $"{plan.Steps.Count} steps");
        Assert.Contains(plan.Steps, s => s is MigrateComputesStep);

        int largest = 0;
        foreach (var status in Statuses(plan))
        {
            var fitted = CustomStatusFit.Fit(status);
            int bytes = DurableLimits.CustomStatusBytes(fitted, WorkflowJson.Converter);
            largest = Math.Max(largest, bytes);
            Assert.True(bytes <= DurableLimits.MaxCustomStatusBytes, $"{bytes} bytes of UTF-16 JSON in phase {status.Phase} with {status.Outcomes.Count} outcomes");
        }

        Assert.True(largest > DurableLimits.MaxCustomStatusBytes / 2, $"the test must come near the limit ({largest} bytes)");
    }

    [Fact]
    public void Fitting_keeps_what_matters_most_phase_newest_outcomes_and_the_count_left_out()
    {
        var statuses = Statuses(LargestPlan()).ToList();
        var last = statuses[^1];

        var fitted = CustomStatusFit.Fit(last);

        Assert.Equal(last.Phase, fitted.Phase);
        Assert.Equal(last.CurrentStep, fitted.CurrentStep);
        Assert.Equal(last.Outcomes[^1].StepId, fitted.Outcomes[^1].StepId);
        Assert.Equal(last.Outcomes.Count, fitted.Outcomes.Count + (fitted.OutcomesOmitted ?? 0));
        // A small status is left exactly as it is.
        var small = new OrchestrationCustomStatus { Phase = OrchestrationPhase.Reading, WorkspaceId = Ws };
        Assert.Same(small, CustomStatusFit.Fit(small));
        Assert.Equal(JsonSerializer.Serialize(small, WorkflowJson.Options), JsonSerializer.Serialize(CustomStatusFit.Fit(small), WorkflowJson.Options));
    }
}
