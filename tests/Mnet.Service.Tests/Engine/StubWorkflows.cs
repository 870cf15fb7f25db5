using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Local;
using Mnet.Workflows;
using Mnet.Workflows.Durable;

namespace Mnet.Service.Tests.Engine;

/// <summary>
/// The real Durable engine (in memory) with tiny stand-ins registered under the real orchestrator names: an onboarding
/// that counts its run, publishes the waiting-for-approval status and waits for the approval event; a drift scan
/// that ends at once. For the service's engine-level behaviour (start-or-find, raise, read back), not the workflows'.
/// </summary>
public static class StubWorkflows
{
    const string CountRun = "countRun";

    public static Task<LocalEngine> StartAsync(RunCounter counter) =>
        LocalEngine.StartAsync(new LocalEngineOptions(),
            registry => registry
                .AddOrchestratorFunc<JsonElement, object>(WorkflowNames.OnboardWorkspace, (context, input) =>
                {
                    // Counted on the first execution only (replays run the code again): no activity round trip, so a
                    // thousand instances start quickly.
                    if (!context.IsReplaying) counter.Count(context.InstanceId);
                    return OnboardAsync(context, input);
                })
                .AddOrchestratorFunc<JsonElement, object>(WorkflowNames.DriftScan, async (context, _) =>
                {
                    await context.CallActivityAsync(CountRun, context.InstanceId);
                    return new { result = "scanned" };
                })
                .AddActivityFunc<string>(CountRun, (context, instanceId) => counter.Count(instanceId)),
            services => services.AddMnetActivities(new WorkflowSettings()));

    static async Task<object> OnboardAsync(TaskOrchestrationContext context, JsonElement input)
    {
        string? workspaceId = input.GetProperty("workspaceId").GetString();
        string? ticketId = input.GetProperty("request").TryGetProperty("ticketId", out var t) ? t.GetString() : null;
        context.SetCustomStatus(new
        {
            phase = "waiting-for-approval",
            workspaceId,
            ticketId,
            currentStep = "set-isolation-mode",
            plan = new { policyName = input.GetProperty("policy").GetProperty("name").GetString(), stepCount = 1 },
            outcomes = Array.Empty<object>(),
            waitingForApproval = new { stepIds = new[] { "set-isolation-mode" }, deadline = context.CurrentUtcDateTime.AddHours(1) },
        });
        JsonElement decision;
        try
        {
            decision = await context.WaitForExternalEvent<JsonElement>(WorkflowNames.ApprovalEvent, TimeSpan.FromMinutes(10));
        }
        catch (TaskCanceledException)
        {
            return new { workspaceId, result = "approval-timeout" };
        }

        bool approved = decision.GetProperty("approved").GetBoolean();
        return new { workspaceId, result = approved ? "applied" : "rejected", approver = decision.GetProperty("approver").GetString() };
    }
}
