using Mnet.Arm.Actions;
using Mnet.Arm.Http;
using Mnet.Arm.Lro;
using Mnet.Arm.Recreate;
using Mnet.Core.Resources;

namespace Mnet.Arm;

/// <summary>Managed online endpoints and their deployments.</summary>
public sealed partial class ArmClient
{
    public Task<OnlineEndpoint> GetOnlineEndpointAsync(string endpointId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(endpointId, ArmUrls.OnlineEndpointType);
        return GetAsync<OnlineEndpoint>(
            id, ArmApiVersions.MachineLearning, ArmOperation.ReadOnlineEndpoints, cancellationToken);
    }

    public Task<IReadOnlyList<OnlineEndpoint>> ListOnlineEndpointsAsync(
        string workspaceId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(workspaceId, ArmUrls.WorkspaceType);
        return ListAsync<OnlineEndpoint>(
            $"{id}/onlineEndpoints", ArmApiVersions.MachineLearning, ArmOperation.ReadOnlineEndpoints, id,
            cancellationToken);
    }

    public Task<LroHandle> BeginCreateOnlineEndpointAsync(
        string endpointId, OnlineEndpointCreateBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var id = ArmUrls.RequireId(endpointId, ArmUrls.OnlineEndpointType);
        return BeginAsync(
            "PUT", ArmUrls.Path(id, ArmApiVersions.MachineLearning), ArmOperation.WriteOnlineEndpoint, id,
            cancellationToken, body);
    }

    public Task<LroHandle> BeginDeleteOnlineEndpointAsync(string endpointId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(endpointId, ArmUrls.OnlineEndpointType);
        return BeginAsync(
            "DELETE", ArmUrls.Path(id, ArmApiVersions.MachineLearning), ArmOperation.DeleteOnlineEndpoint, id,
            cancellationToken);
    }

    public Task<OnlineDeployment> GetOnlineDeploymentAsync(
        string deploymentId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(deploymentId, ArmUrls.OnlineDeploymentType);
        return GetAsync<OnlineDeployment>(
            id, ArmApiVersions.MachineLearning, ArmOperation.ReadDeployments, cancellationToken);
    }

    public Task<IReadOnlyList<OnlineDeployment>> ListOnlineDeploymentsAsync(
        string endpointId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(endpointId, ArmUrls.OnlineEndpointType);
        return ListAsync<OnlineDeployment>(
            $"{id}/deployments", ArmApiVersions.MachineLearning, ArmOperation.ReadDeployments, id, cancellationToken);
    }

    public Task<LroHandle> BeginCreateOnlineDeploymentAsync(
        string deploymentId, OnlineDeploymentCreateBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var id = ArmUrls.RequireId(deploymentId, ArmUrls.OnlineDeploymentType);
        return BeginAsync(
            "PUT", ArmUrls.Path(id, ArmApiVersions.MachineLearning), ArmOperation.WriteDeployment, id,
            cancellationToken, body);
    }

    public Task<LroHandle> BeginDeleteOnlineDeploymentAsync(
        string deploymentId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(deploymentId, ArmUrls.OnlineDeploymentType);
        return BeginAsync(
            "DELETE", ArmUrls.Path(id, ArmApiVersions.MachineLearning), ArmOperation.DeleteDeployment, id,
            cancellationToken);
    }
}
