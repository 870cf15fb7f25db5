using Microsoft.DurableTask;

namespace Mnet.Local.Tests.Samples;

/// <summary>
/// Every Durable feature the product's orchestrations use, in one flow: an injected activity, a durable timer, a
/// custom status, an external event with a timeout, a sub-orchestration with a derived instance id, a retry policy.
/// </summary>
public sealed class SampleFlow : TaskOrchestrator<SampleInput, SampleOutput>
{
    public const string ApprovalEvent = "approval";
    public const string WaitingForApproval = "waiting-for-approval";
    public const string Approved = "approved";
    public static readonly TimeSpan TimerDelay = TimeSpan.FromSeconds(2);

    public static string ChildId(string parentInstanceId) => $"{parentInstanceId}-child";

    public override async Task<SampleOutput> RunAsync(TaskOrchestrationContext context, SampleInput input)
    {
        string greeting = await context.CallActivityAsync<string>(nameof(GreetActivity), input.Name);
        DateTime beforeTimer = context.CurrentUtcDateTime;
        await context.CreateTimer(TimerDelay, CancellationToken.None);
        TimeSpan timerWaited = context.CurrentUtcDateTime - beforeTimer;
        context.SetCustomStatus(WaitingForApproval);
        string approval = await context.WaitForExternalEvent<string>(ApprovalEvent, TimeSpan.FromMinutes(2));
        context.SetCustomStatus(Approved);
        string child = await context.CallSubOrchestratorAsync<string>(
            nameof(ChildFlow), input.Name, new SubOrchestrationOptions(instanceId: ChildId(context.InstanceId)));
        int attempts = await context.CallActivityAsync<int>(
            nameof(FlakyActivity), new FlakyRequest(context.InstanceId, input.FlakyFailures), SamplePolicies.Flaky);
        return new SampleOutput(greeting, approval, child, attempts, timerWaited);
    }
}
