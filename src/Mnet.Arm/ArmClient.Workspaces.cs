using System.Text.Json;
using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Arm.Http;
using Mnet.Arm.Lro;
using Mnet.Arm.Models;
using Mnet.Arm.Operations;
using Mnet.Core.Resources;

namespace Mnet.Arm;

/// <summary>Workspaces, their outbound rules and managed-network provisioning.</summary>
public sealed partial class ArmClient
{
    private const string WorkspacesPath = "providers/Microsoft.MachineLearningServices/workspaces";

    public Task<Workspace> GetWorkspaceAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(workspaceId, ArmUrls.WorkspaceType);
        return GetAsync<Workspace>(id, ArmApiVersions.MachineLearning, ArmOperation.ReadWorkspace, cancellationToken);
    }

    public Task<IReadOnlyList<Workspace>> ListWorkspacesAsync(
        string subscriptionId, CancellationToken cancellationToken = default)
    {
        var scope = $"/subscriptions/{ArmUrls.RequireSubscription(subscriptionId)}";
        return ListAsync<Workspace>(
            $"{scope}/{WorkspacesPath}", ArmApiVersions.MachineLearning, ArmOperation.ReadWorkspace, scope,
            cancellationToken);
    }

    public Task<IReadOnlyList<Workspace>> ListWorkspacesInResourceGroupAsync(
        string subscriptionId, string resourceGroup, CancellationToken cancellationToken = default)
    {
        var scope = ArmUrls.RequireId(
            $"/subscriptions/{ArmUrls.RequireSubscription(subscriptionId)}/resourceGroups/{resourceGroup}");
        return ListAsync<Workspace>(
            $"{scope}/{WorkspacesPath}", ArmApiVersions.MachineLearning, ArmOperation.ReadWorkspace, scope,
            cancellationToken);
    }

    public async Task<Workspace> PatchWorkspaceNetworkAsync(
        string workspaceId, WorkspaceNetworkPatch patch, string? ifMatch = null, WaitOptions? wait = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var id = ArmUrls.RequireId(workspaceId, ArmUrls.WorkspaceType);
        // The current values are re-sent (WorkspacePatchBody), and the rules present before are checked after.
        var before = WorkspacePatchBody.TouchesManagedNetwork(patch)
            ? await GetWorkspaceAsync(id, cancellationToken)
            : null;
        var rulesBefore = before is null ? null : await UserRulesBeforeAsync(id, before, cancellationToken);
        var handle = await BeginAsync(
            "PATCH", ArmUrls.Path(id, ArmApiVersions.MachineLearning), ArmOperation.WriteWorkspace, id,
            cancellationToken,
            body: WorkspacePatchBody.Build(patch, before?.Properties.ManagedNetwork),
            headers: ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });
        var final = await _lro.WaitAsync(handle, wait, cancellationToken);
        // A 202 ends on an operation body, not the workspace: read the workspace then.
        var after = IsResourceBody(final.ResultJson)
            ? final.ResultAs<Workspace>()!
            : await GetWorkspaceAsync(id, cancellationToken);
        if (rulesBefore is { Count: > 0 }) await CheckRulesKeptAsync(id, rulesBefore, after, cancellationToken);
        return after;
    }

    public async Task<LroHandle> BeginCreateWorkspaceAsync(
        string workspaceId, WorkspaceCreateBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var id = ArmUrls.RequireId(workspaceId, ArmUrls.WorkspaceType);
        // PUT replaces a whole workspace; this path is for new ones only. The GET answers early without a write;
        // If-None-Match: * closes the race with a creation in between (412, reported as the same error).
        if (await GetWorkspaceAsync(id, cancellationToken).NotFoundAsNullAsync() is not null)
        {
            throw AlreadyExists(id, null);
        }
        try
        {
            return await BeginAsync(
                "PUT", ArmUrls.Path(id, ArmApiVersions.MachineLearning), ArmOperation.WriteWorkspace, id,
                cancellationToken, body, new Dictionary<string, string> { ["If-None-Match"] = "*" });
        }
        catch (ArmPreconditionFailedException e)
        {
            throw AlreadyExists(id, e);
        }
    }

    public async Task<Workspace> CreateWorkspaceAndWaitAsync(
        string workspaceId, WorkspaceCreateBody body, WaitOptions? wait = null,
        CancellationToken cancellationToken = default)
    {
        var handle = await BeginCreateWorkspaceAsync(workspaceId, body, cancellationToken);
        await _lro.WaitAsync(handle, wait, cancellationToken);
        return await GetWorkspaceAsync(handle.ResourceId, cancellationToken);
    }

    public Task<IReadOnlyList<OutboundRuleResource>> ListOutboundRulesAsync(
        string workspaceId, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(workspaceId, ArmUrls.WorkspaceType);
        return ListAsync<OutboundRuleResource>(
            $"{id}/outboundRules", ArmApiVersions.MachineLearning, ArmOperation.ReadOutboundRules, id,
            cancellationToken);
    }

    public Task<OutboundRuleResource> GetOutboundRuleAsync(
        string workspaceId, string ruleName, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.ChildId(ArmUrls.RequireId(workspaceId, ArmUrls.WorkspaceType), "outboundRules", ruleName);
        return GetAsync<OutboundRuleResource>(
            id, ArmApiVersions.MachineLearning, ArmOperation.ReadOutboundRules, cancellationToken);
    }

    public Task<OutboundRuleResource> PutOutboundRuleAsync(
        string workspaceId, string ruleName, OutboundRule rule, WaitOptions? wait = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var workspace = ArmUrls.RequireId(workspaceId, ArmUrls.WorkspaceType);
        var id = ArmUrls.ChildId(workspace, "outboundRules", ruleName);
        return _ruleWrites.RunAsync(workspace, async () =>
        {
            var handle = await BeginAsync(
                "PUT", ArmUrls.Path(id, ArmApiVersions.MachineLearning), ArmOperation.WriteOutboundRule, id,
                cancellationToken, new Dictionary<string, OutboundRule> { ["properties"] = rule });
            // Waiting inside the lock: the next rule write must not start while this one still runs.
            var final = await _lro.WaitAsync(handle, wait, cancellationToken);
            return IsResourceBody(final.ResultJson)
                ? final.ResultAs<OutboundRuleResource>()!
                : await GetOutboundRuleAsync(workspace, ruleName, cancellationToken);
        }, cancellationToken);
    }

    public Task DeleteOutboundRuleAsync(
        string workspaceId, string ruleName, WaitOptions? wait = null, CancellationToken cancellationToken = default)
    {
        var workspace = ArmUrls.RequireId(workspaceId, ArmUrls.WorkspaceType);
        var id = ArmUrls.ChildId(workspace, "outboundRules", ruleName);
        return _ruleWrites.RunAsync(workspace, async () =>
        {
            var handle = await BeginAsync(
                "DELETE", ArmUrls.Path(id, ArmApiVersions.MachineLearning), ArmOperation.DeleteOutboundRule, id,
                cancellationToken);
            return await _lro.WaitAsync(handle, wait, cancellationToken);
        }, cancellationToken);
    }

    public Task<LroHandle> BeginProvisionManagedNetworkAsync(
        string workspaceId, bool includeSpark = false, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(workspaceId, ArmUrls.WorkspaceType);
        return BeginAsync(
            "POST", ArmUrls.Path($"{id}/provisionManagedNetwork", ArmApiVersions.MachineLearning),
            ArmOperation.ProvisionManagedNetwork, id, cancellationToken,
            new Dictionary<string, bool> { ["includeSpark"] = includeSpark });
    }

    public async Task<ManagedNetworkStatus> ProvisionManagedNetworkAndWaitAsync(
        string workspaceId, bool includeSpark = false, WaitOptions? wait = null,
        CancellationToken cancellationToken = default)
    {
        var handle = await BeginProvisionManagedNetworkAsync(workspaceId, includeSpark, cancellationToken);
        var final = await _lro.WaitAsync(handle, wait, cancellationToken);
        if (IsProvisionResult(final.ResultJson)) return final.ResultAs<ManagedNetworkStatus>()!;
        // No final body of that shape: the workspace carries the same status.
        var workspace = await GetWorkspaceAsync(handle.ResourceId, cancellationToken);
        return workspace.Properties.ManagedNetwork?.Status ?? new ManagedNetworkStatus();
    }

    /// <summary>From the workspace read; a view without outboundRules on a managed network falls back to the rule list.</summary>
    private async Task<IReadOnlyList<string>> UserRulesBeforeAsync(
        string id, Workspace before, CancellationToken cancellationToken)
    {
        if (WorkspacePatchBody.UserDefinedRuleNames(before) is { } fromView) return fromView;
        var mode = before.Properties.ManagedNetwork?.IsolationMode;
        if (mode is null or IsolationMode.Disabled) return [];
        var listed = await ListOutboundRulesAsync(id, cancellationToken);
        return listed.Where(r => WorkspacePatchBody.IsLiveUserRule(r.Properties)).Select(r => r.Name).ToArray();
    }

    private async Task CheckRulesKeptAsync(
        string id, IReadOnlyList<string> expected, Workspace after, CancellationToken cancellationToken)
    {
        var lost = MissingFrom(expected, after.Properties.ManagedNetwork?.OutboundRules?.Keys ?? []);
        // The PATCH answer may be partial: before raising the alarm, ask the rules sub-resource itself.
        if (lost.Count > 0)
        {
            lost = MissingFrom(lost, (await ListOutboundRulesAsync(id, cancellationToken)).Select(r => r.Name));
        }
        if (lost.Count == 0) return;
        throw ArmException.FromDetails(new ArmErrorDetails
        {
            Status = 0,
            Code = ArmErrorCodes.ManagedNetworkRulesLost,
            Message = "the PATCH of the managed network succeeded but removed user-defined outbound rules: " +
                $"{string.Join(", ", lost)}; re-create them",
            Operation = ArmOperation.WriteWorkspace,
            ResourceId = id,
            Method = "PATCH",
            Target = "properties.managedNetwork.outboundRules",
        });
    }

    private static List<string> MissingFrom(IEnumerable<string> expected, IEnumerable<string> present)
    {
        var have = present.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return expected.Where(n => !have.Contains(n)).ToList();
    }

    private static ArmException AlreadyExists(string id, ArmException? cause) =>
        ArmException.FromDetails(
            new ArmErrorDetails
            {
                Status = 409,
                Code = ArmErrorCodes.ResourceAlreadyExists,
                Message = "the workspace already exists; only its network settings may be changed (PATCH)",
                Operation = ArmOperation.WriteWorkspace,
                ResourceId = id,
                Method = "PUT",
                RequestId = cause?.RequestId,
            },
            cause);

    /// <summary>A final body that is a resource (has an object "properties"), not an operation status.</summary>
    private static bool IsResourceBody(string? json)
    {
        if (json is null) return false;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object &&
            document.RootElement.TryGetProperty("properties", out var properties) &&
            properties.ValueKind == JsonValueKind.Object;
    }

    /// <summary>The provisionManagedNetwork result <c>{status, sparkReady}</c>, not an operation status body.</summary>
    private static bool IsProvisionResult(string? json)
    {
        if (json is null) return false;
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object &&
            root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String &&
            status.GetString() is "Active" or "Inactive";
    }
}
