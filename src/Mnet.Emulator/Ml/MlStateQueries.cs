using System.Text.Json.Nodes;
using Mnet.Emulator.Ml.Computes;
using Mnet.Emulator.Ml.Endpoints;
using Mnet.Emulator.Ml.Rules;
using Mnet.Emulator.Ml.Workspaces;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Ml;

/// <summary>
/// Test reads of the ML state: each takes the gate and settles first, so it returns what a GET would now
/// (ARM-shaped JSON copies).
/// </summary>
public static class MlStateQueries
{
    public static JsonObject? GetWorkspace(this EmulatorState state, string id) =>
        state.Read(s => s.Workspace(id) is { } ws ? WorkspaceView.Of(s, ws) : null);

    public static IReadOnlyList<JsonObject> ListWorkspaces(this EmulatorState state, string? subscriptionId = null) =>
        state.Read(s => s.Workspaces.Values
            .Where(w => subscriptionId is null || w.SubscriptionId.Equals(subscriptionId, StringComparison.OrdinalIgnoreCase))
            .Select(w => WorkspaceView.Of(s, w)).ToList());

    public static IReadOnlyList<JsonObject> ListOutboundRules(this EmulatorState state, string workspaceId) =>
        state.Read(s => s.Workspace(workspaceId) is { } ws
            ? RulesView.Effective(s, ws).Select(r => RulesView.Resource(ws, r.Name, r.Rule)).ToList()
            : []);

    public static JsonObject? GetOutboundRule(this EmulatorState state, string workspaceId, string name) =>
        state.ListOutboundRules(workspaceId).FirstOrDefault(r => string.Equals(r["name"]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<JsonObject> ListComputes(this EmulatorState state, string workspaceId) =>
        state.Read(s => s.Workspace(workspaceId) is { } ws
            ? ws.Computes.Values.Select(c => ComputeView.Of(c, s.TenantOf(ws.SubscriptionId) ?? string.Empty)).ToList()
            : []);

    public static JsonObject? GetCompute(this EmulatorState state, string workspaceId, string name) =>
        state.Read(s => s.Workspace(workspaceId)?.Computes.GetValueOrDefault(name) is { } c
            ? ComputeView.Of(c, s.TenantOf(s.Workspace(workspaceId)!.SubscriptionId) ?? string.Empty)
            : null);

    public static IReadOnlyList<JsonObject> ListOnlineEndpoints(this EmulatorState state, string workspaceId) =>
        state.Read(s => s.Workspace(workspaceId) is { } ws ? ws.Endpoints.Values.Select(EndpointView.Of).ToList() : []);

    public static IReadOnlyList<JsonObject> ListDeployments(this EmulatorState state, string workspaceId, string endpoint) =>
        state.Read(s => s.Workspace(workspaceId)?.Endpoints.GetValueOrDefault(endpoint) is { } ep
            ? ep.Deployments.Values.Select(DeploymentView.Of).ToList()
            : []);
}
