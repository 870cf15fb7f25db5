using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Core.Planning;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.Network;

/// <summary>
/// Writes one outbound rule, never the rule set: reads the rule and writes only when it differs (the planner's own
/// comparison), so a retried or redelivered write is a no-op.
/// </summary>
public sealed class PutOutboundRuleActivity(IArmClient arm, ILogger<PutOutboundRuleActivity> log) : IWorkflowActivity<PutOutboundRuleInput, RuleWriteOutput>
{
    public async Task<RuleWriteOutput> RunAsync(PutOutboundRuleInput input)
    {
        var existing = await arm.GetOutboundRuleAsync(input.WorkspaceId, input.Name).NotFoundAsNullAsync();
        if (existing is not null && ArmRules.RuleDifferences(existing.Properties, input.Rule).Count == 0) return new RuleWriteOutput(false);
        await arm.PutOutboundRuleAsync(input.WorkspaceId, input.Name, WritableRules.Of(input.Rule));
        log.LogInformation("outbound rule {Rule} written ({WorkspaceId})", input.Name, input.WorkspaceId);
        return new RuleWriteOutput(true);
    }
}
