using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Core.Planning;
using Mnet.Service.Ports;
using Mnet.Workflows;
using Mnet.Workflows.Activities.State;

namespace Mnet.Service.Planning;

/// <summary>
/// Reads a workspace the way the onboarding does (ReadWorkspaceStateActivity: rules, computes, endpoints, approver
/// role assignments, the app's permissions on the policy's private endpoint targets), so the plan shown before
/// approval is the complete one, and plans it with the pure planner (the same context the planning activity uses).
/// ARM failures become <see cref="UpstreamException"/>.
/// </summary>
public sealed class ArmWorkspacePlanning(IArmClient arm, WorkflowSettings settings, IReadOnlyList<string> subscriptions, TimeProvider clock)
    : IWorkspacePlanning
{
    public async Task<WorkspaceState?> ReadAsync(string workspaceId, Core.Policy.Policy policy, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await new ReadWorkspaceStateActivity(arm).RunAsync(new ReadWorkspaceStateInput(workspaceId, true, true, policy));
            return result.Found ? result.State : null;
        }
        catch (ArmException e)
        {
            throw new UpstreamException(e.Status, $"{e.Code}: {e.Message}", e);
        }
    }

    public Plan Plan(Core.Policy.Policy policy, WorkspaceState state, PlanOptions options) =>
        Planner.PlanWorkspace(policy, state, new PlanContext
        {
            Now = clock.GetUtcNow(),
            SubscriptionsInScope = subscriptions,
            TenantId = settings.TenantId,
            CustomApproverRoles = settings.CustomApproverRoles,
        }, options);
}
