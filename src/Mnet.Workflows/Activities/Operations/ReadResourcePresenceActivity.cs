using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.Operations;

/// <summary>
/// Where a resource is, for operations whose handle was lost (a crash between the request and its record) or never
/// existed (someone else started it): the resource itself says.
/// </summary>
public sealed class ReadResourcePresenceActivity(IArmClient arm) : IWorkflowActivity<ReadResourcePresenceInput, ResourcePresence>
{
    public async Task<ResourcePresence> RunAsync(ReadResourcePresenceInput input)
    {
        switch (input.Kind)
        {
            case PresenceKind.Workspace:
                var workspace = await arm.GetWorkspaceAsync(input.ResourceId).NotFoundAsNullAsync();
                return workspace is null ? new(false) : new(true, workspace.Properties.ProvisioningState, workspace.Tags);
            case PresenceKind.Compute:
                var compute = await arm.GetComputeAsync(input.ResourceId).NotFoundAsNullAsync();
                return compute is null ? new(false) : new(true, compute.Properties.ProvisioningState, compute.Tags);
            case PresenceKind.OnlineEndpoint:
                var endpoint = await arm.GetOnlineEndpointAsync(input.ResourceId).NotFoundAsNullAsync();
                return endpoint is null ? new(false) : new(true, endpoint.Properties.ProvisioningState, endpoint.Tags);
            default:
                var deployment = await arm.GetOnlineDeploymentAsync(input.ResourceId).NotFoundAsNullAsync();
                return deployment is null ? new(false) : new(true, deployment.Properties.ProvisioningState, deployment.Tags);
        }
    }
}
