using System.Text.Json.Nodes;
using Mnet.Emulator.Faults;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.Operations;
using Mnet.Emulator.Randomness;
using Mnet.Emulator.Time;

namespace Mnet.Emulator.State;

/// <summary>
/// The emulator's in-memory ARM. Every access happens under <see cref="Gate"/> (the pipeline holds it around a
/// handler; <see cref="Read{T}"/> takes it and settles first, so a test reads what a GET would return now).
/// Workspaces and their children are typed records holding JSON; everything else is JSON in a
/// <see cref="ResourceStore"/>.
/// </summary>
public sealed class EmulatorState
{
    public const string DefaultTenantId = "00000000-0000-0000-0000-0000000000aa";

    private long etagCounter;

    public EmulatorState(EmulatorClock clock, EmulatorOptions options)
    {
        Clock = clock;
        Options = options;
        Operations = new OperationStore(n => DerivedGuid.From($"operation:{options.Seed}:{n}"));
    }

    /// <summary>Hold it for any access (it is re-entrant).</summary>
    public object Gate { get; } = new();

    public EmulatorClock Clock { get; }

    public EmulatorOptions Options { get; }

    public OperationStore Operations { get; }

    public Dictionary<string, SubscriptionRecord> Subscriptions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keyed by <see cref="ScopePath.Key"/> of the group id.</summary>
    public OrderedDictionary<string, ResourceGroupRecord> ResourceGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>Keyed by <see cref="ScopePath.Key"/> of the workspace id.</summary>
    public OrderedDictionary<string, WorkspaceRecord> Workspaces { get; } = new(StringComparer.Ordinal);

    /// <summary>Dependency resources (storage, key vaults, registries, identities, ...), as ARM JSON.</summary>
    public ResourceStore Resources { get; } = new();

    /// <summary>Microsoft.Authorization/locks at any scope.</summary>
    public ResourceStore Locks { get; } = new();

    public ResourceStore RoleAssignments { get; } = new();

    public ResourceStore RoleDefinitions { get; } = new();

    /// <summary>Set by the authorization area; until then nothing is granted.</summary>
    public IAccessCheck AccessCheck { get; set; } = NoAccessGranted.Instance;

    public DateTimeOffset Now => Clock.Now;

    /// <summary>Applies every long-running operation due on the clock.</summary>
    public void Settle() => Operations.Settle(Clock.Now);

    /// <summary>Runs <paramref name="read"/> under the gate after settling (test and admin reads).</summary>
    public T Read<T>(Func<EmulatorState, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (Gate)
        {
            Settle();
            return read(this);
        }
    }

    /// <summary>Runs a change under the gate (test setup).</summary>
    public void Write(Action<EmulatorState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (Gate)
        {
            Settle();
            write(this);
        }
    }

    public OperationRecord StartOperation(OperationSpec spec, Fault? fault = null) =>
        Operations.Start(spec, Clock.Now, fault);

    public string NewEtag()
    {
        var n = Interlocked.Increment(ref etagCounter);
        // Unique and cheap: etags are compared, never parsed.
        return $"\"{Options.Seed:x8}-0000-0100-0000-{n:x12}\"";
    }

    /// <summary>Marks a workspace modified (new etag).</summary>
    public void Touch(WorkspaceRecord ws)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ws.Etag = NewEtag();
        ws.ModifiedAt = Clock.Now;
    }

    // ---- lookups (callers hold the gate) ----

    public SubscriptionRecord? Subscription(string subscriptionId) => Subscriptions.GetValueOrDefault(subscriptionId);

    public ResourceGroupRecord? ResourceGroup(string subscriptionId, string name) =>
        ResourceGroups.GetValueOrDefault(ScopePath.Key(ScopePath.ResourceGroup(subscriptionId, name)));

    public WorkspaceRecord? Workspace(string id) => Workspaces.GetValueOrDefault(ScopePath.Key(id));

    public string? TenantOf(string subscriptionId) => Subscription(subscriptionId)?.TenantId;

    /// <summary>Locks at the id or any parent scope.</summary>
    public IReadOnlyList<LockView> LocksCovering(string id)
    {
        var result = new List<LockView>();
        foreach (var l in Locks.Live)
        {
            var lockId = l["id"]?.GetValue<string>() ?? string.Empty;
            var marker = lockId.IndexOf("/providers/Microsoft.Authorization/locks/", StringComparison.OrdinalIgnoreCase);
            var scope = marker < 0 ? string.Empty : lockId[..marker];
            if (ScopePath.Covers(scope, id))
            {
                result.Add(new LockView(lockId, l["name"]?.GetValue<string>() ?? string.Empty, scope,
                    l["properties"]?["level"]?.GetValue<string>() ?? "CanNotDelete"));
            }
        }

        return result;
    }

    // ---- setup helpers (scenarios, tests) ----

    public SubscriptionRecord AddSubscription(string subscriptionId, string tenantId = DefaultTenantId,
        string? displayName = null)
    {
        var rec = new SubscriptionRecord(subscriptionId, tenantId, displayName ?? $"Subscription {subscriptionId[^4..]}");
        Subscriptions[subscriptionId] = rec;
        return rec;
    }

    public ResourceGroupRecord AddResourceGroup(string subscriptionId, string name, string location,
        JsonObject? tags = null)
    {
        var id = ScopePath.ResourceGroup(subscriptionId, name);
        var rec = new ResourceGroupRecord(id, name, subscriptionId, location) { Tags = tags ?? [] };
        ResourceGroups[ScopePath.Key(id)] = rec;
        return rec;
    }

    /// <summary>Adds a management lock (level CanNotDelete or ReadOnly) at a scope.</summary>
    public JsonObject AddLock(string scope, string name, string level, string? notes = null)
    {
        var baseScope = scope.TrimEnd('/');
        var props = new JsonObject { ["level"] = level };
        if (notes is not null)
        {
            props["notes"] = notes;
        }

        return Locks.Put(new JsonObject
        {
            ["id"] = $"{baseScope}/providers/Microsoft.Authorization/locks/{name}",
            ["name"] = name,
            ["type"] = "Microsoft.Authorization/locks",
            ["properties"] = props,
        });
    }

    /// <summary>Stores a dependency resource; needs id, name, type, location (etag added when absent).</summary>
    public JsonObject PutResource(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource["etag"] ??= NewEtag();
        return Resources.Put(resource);
    }

    public void SetProviderState(string subscriptionId, string providerNamespace, string registrationState)
    {
        var sub = Subscription(subscriptionId)
            ?? throw new ArgumentException($"Unknown subscription '{subscriptionId}'.", nameof(subscriptionId));
        sub.Providers[providerNamespace] = registrationState;
    }
}
