using Mnet.Core.Planning;

namespace Mnet.Service.Ports;

/// <summary>Reading a workspace through ARM (with everything the plan needs) and planning it.</summary>
public interface IWorkspacePlanning
{
    /// <summary>
    /// The workspace with its rules, computes, online endpoints and approver role assignments; null when it does not
    /// exist. ARM failures throw <see cref="UpstreamException"/> (502, ARM's text only in the logs).
    /// </summary>
    Task<WorkspaceState?> ReadAsync(string workspaceId, Core.Policy.Policy policy, CancellationToken cancellationToken = default);

    /// <summary>Pure planning of what would bring the workspace in line.</summary>
    Plan Plan(Core.Policy.Policy policy, WorkspaceState state, PlanOptions options);
}
