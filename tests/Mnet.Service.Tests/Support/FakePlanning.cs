using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Service.Ports;

namespace Mnet.Service.Tests.Support;

/// <summary>Planning over an in-memory set of workspaces, with the real pure planner.</summary>
public sealed class FakePlanning : IWorkspacePlanning
{
    readonly Dictionary<string, Workspace> workspaces = new(StringComparer.OrdinalIgnoreCase);

    public int Reads { get; private set; }

    public UpstreamException? FailWith { get; set; }

    readonly Dictionary<string, WorkspaceState> states = new(StringComparer.OrdinalIgnoreCase);

    public FakePlanning Add(Workspace workspace)
    {
        workspaces[workspace.Id] = workspace;
        return this;
    }

    /// <summary>A workspace read with more than the resource (outbound rules, ...).</summary>
    public FakePlanning Add(WorkspaceState state)
    {
        states[state.Workspace.Id] = state;
        return this;
    }

    public static Workspace Workspace(string id, string kind = "Default", IReadOnlyDictionary<string, string>? tags = null,
        IsolationMode mode = IsolationMode.Disabled) => new()
    {
        Id = id,
        Name = id.Split('/')[^1],
        Location = "westeurope",
        Kind = kind,
        Tags = tags ?? new Dictionary<string, string>(),
        Properties = new WorkspaceProperties { ManagedNetwork = new ManagedNetworkSettings { IsolationMode = mode } },
    };

    public Task<WorkspaceState?> ReadAsync(string workspaceId, Core.Policy.Policy policy, CancellationToken cancellationToken = default)
    {
        Reads++;
        if (FailWith is not null) throw FailWith;
        if (states.TryGetValue(workspaceId, out var state)) return Task.FromResult<WorkspaceState?>(state);
        return Task.FromResult(workspaces.TryGetValue(workspaceId, out var ws)
            ? new WorkspaceState { Workspace = ws, Computes = [], OnlineEndpoints = [] }
            : null);
    }

    public Plan Plan(Core.Policy.Policy policy, WorkspaceState state, PlanOptions options) =>
        Planner.PlanWorkspace(policy, state, new PlanContext { Now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) }, options);
}
