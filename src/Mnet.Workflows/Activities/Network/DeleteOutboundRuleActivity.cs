using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.Network;

/// <summary>Removes one user-defined rule; an absent rule is done. A Required rule is refused (the planner never asks).</summary>
public sealed class DeleteOutboundRuleActivity(IArmClient arm, ILogger<DeleteOutboundRuleActivity> log) : IWorkflowActivity<DeleteOutboundRuleInput, RuleWriteOutput>
{
    public async Task<RuleWriteOutput> RunAsync(DeleteOutboundRuleInput input)
    {
        var existing = await arm.GetOutboundRuleAsync(input.WorkspaceId, input.Name).NotFoundAsNullAsync();
        if (existing is null) return new RuleWriteOutput(false);
        if (string.Equals(existing.Properties.Category, "Required", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"[RequiredRule] outbound rule {input.Name} is a Required rule and is never removed");
        }

        await arm.DeleteOutboundRuleAsync(input.WorkspaceId, input.Name);
        log.LogInformation("outbound rule {Rule} removed ({WorkspaceId})", input.Name, input.WorkspaceId);
        return new RuleWriteOutput(true);
    }
}
