using Mnet.Core.Catalog;
using Mnet.Emulator.Http;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Ml.Model;

/// <summary>Whose managed network a workspace uses, and which of its resources are its "default" ones.</summary>
public static class NetworkOwnership
{
    /// <summary>A Project uses its hub's managed network (facts: "projects use the hub's network").</summary>
    public static WorkspaceRecord Owner(EmulatorState state, WorkspaceRecord ws)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ws);
        if (!IsProject(ws) || ws.StringProperty("hubResourceId") is not { } hubId)
        {
            return ws;
        }

        return state.Workspace(hubId) ?? ws;
    }

    public static bool IsProject(WorkspaceRecord ws) =>
        ws.Kind.Equals(Prerequisites.ProjectKind, StringComparison.OrdinalIgnoreCase);

    public static bool IsHub(WorkspaceRecord ws) =>
        ws.Kind.Equals(Prerequisites.HubKind, StringComparison.OrdinalIgnoreCase);

    /// <summary>The workspace itself and its default resources (catalog WorkspaceDefaultResourceProperties).</summary>
    public static IReadOnlyList<string> DefaultResourceIds(WorkspaceRecord ws)
    {
        var ids = new List<string> { ws.Id };
        foreach (var property in RequiredRules.WorkspaceDefaultResourceProperties)
        {
            if (ws.StringProperty(property) is { Length: > 0 } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>Public network access of the workspace or an emulated resource (absent: Enabled).</summary>
    public static string PublicNetworkAccessOf(EmulatorState state, WorkspaceRecord ws, string resourceId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (resourceId.Equals(ws.Id, StringComparison.OrdinalIgnoreCase))
        {
            return ws.StringProperty("publicNetworkAccess") ?? "Enabled";
        }

        return state.Resources.Get(resourceId)?["properties"].Str("publicNetworkAccess") ?? "Enabled";
    }
}
