using System.Diagnostics;
using Mnet.Arm.Models;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Durable;

namespace Mnet.Cli.Demo;

/// <summary>
/// A data scientist creates a workspace outside the product (a plain ARM PUT, no managed network); the emulator raises
/// Microsoft.Resources.ResourceWriteSuccess to the service's Event Grid webhook, which starts the onboarding.
/// </summary>
public static class EventGridPhase
{
    public const string Name = "ws-fraud-detection";
    public static readonly string WorkspaceId =
        $"/subscriptions/{DemoScenario.Subscription1}/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/{Name}";

    /// <summary>The onboarding followed to its end; null when the policy leaves the new workspace out (the event is ignored).</summary>
    public static async Task<FollowedRequest?> RunAsync(DemoEnvironment env, DemoApi api, RequestFollower follower, Core.Policy.Policy policy,
        List<string> lines, CancellationToken cancellationToken)
    {
        await env.Arm.CreateWorkspaceAndWaitAsync(WorkspaceId, new WorkspaceCreateBody
        {
            Location = "eastus",
            Tags = new Dictionary<string, string> { ["owner"] = "fraud-team", ["data-classification"] = "confidential" },
            Properties = new WorkspaceProperties { FriendlyName = "Fraud detection", Description = "Created by a data scientist, outside mnet-autopilot" },
        }, cancellationToken: cancellationToken);
        var created = env.Now;
        lines.Add($"{Name} created with a plain ARM PUT (no managed network)");
        var scope = ScopeCheck.IsInScopeById(policy, WorkspaceId);
        if (!scope.InScope)
        {
            lines.Add($"the service ignores its Event Grid event: outside the policy scope ({scope.Reason})");
            return null;
        }

        // The emulator delivers the event when the create operation ends; the webhook starts the onboarding.
        string instanceId = WorkflowInstanceIds.ForWorkspace(WorkspaceId);
        var clock = Stopwatch.StartNew();
        while ((await api.GetAsync($"/api/v1/requests/{instanceId}", cancellationToken)).Status == 404)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new DemoApiException($"no onboarding started for {Name} 30 s after it was created: the Event Grid event did not arrive");
            await Task.Delay(40, cancellationToken);
        }

        lines.Add($"Event Grid ResourceWriteSuccess -> POST /api/v1/events -> onboarding {instanceId} started");
        return await follower.FollowAsync(instanceId, created, cancellationToken);
    }
}
