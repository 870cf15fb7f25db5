using Mnet.Arm.Actions;
using Mnet.Arm.Http;
using Mnet.Arm.Lro;
using Mnet.Arm.Recreate;
using Mnet.Core.Resources;

namespace Mnet.Arm;

/// <summary>Computes: read, create/recreate, delete (with the underlying VMs), start, stop.</summary>
public sealed partial class ArmClient
{
    public Task<ComputeResource> GetComputeAsync(string computeId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(computeId, ArmUrls.ComputeType);
        return GetAsync<ComputeResource>(id, ArmApiVersions.MachineLearning, ArmOperation.ReadComputes, cancellationToken);
    }

    public Task<IReadOnlyList<ComputeResource>> ListComputesAsync(
        string workspaceId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(workspaceId, ArmUrls.WorkspaceType);
        return ListAsync<ComputeResource>(
            $"{id}/computes", ArmApiVersions.MachineLearning, ArmOperation.ReadComputes, id, cancellationToken);
    }

    public Task<LroHandle> BeginCreateComputeAsync(
        string computeId, ComputeCreateBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var id = ArmUrls.RequireId(computeId, ArmUrls.ComputeType);
        return BeginAsync(
            "PUT", ArmUrls.Path(id, ArmApiVersions.MachineLearning), ArmOperation.WriteCompute, id,
            cancellationToken, body);
    }

    public async Task<ComputeResource> CreateComputeAndWaitAsync(
        string computeId, ComputeCreateBody body, WaitOptions? wait = null, CancellationToken cancellationToken = default)
    {
        var handle = await BeginCreateComputeAsync(computeId, body, cancellationToken);
        await _lro.WaitAsync(handle, wait, cancellationToken);
        return await GetComputeAsync(handle.ResourceId, cancellationToken);
    }

    public Task<LroHandle> BeginDeleteComputeAsync(string computeId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(computeId, ArmUrls.ComputeType);
        var url = ArmUrls.Path(id, ArmApiVersions.MachineLearning, [new("underlyingResourceAction", "Delete")]);
        return BeginAsync("DELETE", url, ArmOperation.DeleteCompute, id, cancellationToken);
    }

    public async Task DeleteComputeAndWaitAsync(
        string computeId, WaitOptions? wait = null, CancellationToken cancellationToken = default) =>
        await _lro.WaitAsync(await BeginDeleteComputeAsync(computeId, cancellationToken), wait, cancellationToken);

    public Task<LroHandle> BeginStartComputeAsync(string computeId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(computeId, ArmUrls.ComputeType);
        return BeginAsync(
            "POST", ArmUrls.Path($"{id}/start", ArmApiVersions.MachineLearning), ArmOperation.StartCompute, id,
            cancellationToken);
    }

    public Task<LroHandle> BeginStopComputeAsync(string computeId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(computeId, ArmUrls.ComputeType);
        return BeginAsync(
            "POST", ArmUrls.Path($"{id}/stop", ArmApiVersions.MachineLearning), ArmOperation.StopCompute, id,
            cancellationToken);
    }
}
