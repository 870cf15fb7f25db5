using System.Text.Json.Nodes;
using Mnet.Core.Catalog;
using Mnet.Emulator.Operations;
using Mnet.Emulator.Routing;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Ml.Model;

/// <summary>
/// Managed network provisioning: explicit (POST provisionManagedNetwork), at creation (provisionNetworkNow) or
/// implicit (the first compute/deployment in an unprovisioned managed network waits for it). Duration: the base,
/// plus the first-FQDN firewall while user FQDN rules exist and no firewall does. It fails when a lock covers the
/// workspace (the service's internal operations are blocked) or Microsoft.Network is not registered.
/// </summary>
public static class ManagedNetworkProvisioning
{
    public const string ExplicitKind = "provisionManagedNetwork";
    public const string ImplicitKind = "implicitProvision";

    public static bool HasUserFqdnRules(WorkspaceRecord ws) =>
        ws.UserRules.Values.Any(r => r.Type == Core.Resources.OutboundRuleTypes.Fqdn && r.Pending != "Deleting");

    public static TimeSpan Duration(EmulatorOptions options, WorkspaceRecord ws)
    {
        ArgumentNullException.ThrowIfNull(options);
        var d = options.Durations;
        return d.ProvisionManagedNetwork
            + (HasUserFqdnRules(ws) && !ws.ManagedNetwork.FirewallProvisioned ? d.FirstFqdnFirewall : TimeSpan.Zero);
    }

    public static OperationRecord? Active(EmulatorState state, WorkspaceRecord ws) =>
        state.Operations.Active(ws.Id, ExplicitKind, ImplicitKind);

    /// <summary>Why provisioning cannot succeed now (checked at start and again at completion), or null.</summary>
    public static OperationError? Blocker(EmulatorState state, WorkspaceRecord ws)
    {
        ArgumentNullException.ThrowIfNull(state);
        var provider = Prerequisites.RequiredResourceProvider;
        var registration = state.Subscription(ws.SubscriptionId)?.ProviderState(provider) ?? "Registered";
        if (!registration.Equals("Registered", StringComparison.OrdinalIgnoreCase))
        {
            return new OperationError("MissingSubscriptionRegistration",
                $"The subscription '{ws.SubscriptionId}' is not registered to use namespace '{provider}' ({registration}); the managed network needs it.");
        }

        var locks = state.LocksCovering(ws.Id);
        if (Prerequisites.ScopeLocksBlock && locks.Count > 0)
        {
            return new OperationError("ScopeLocked",
                $"Managed network provisioning failed: the scope '{locks[0].Scope}' is locked ({locks[0].Level}). Remove the lock and retry.");
        }

        return null;
    }

    /// <summary>Starts a provisioning; implicit ones are started by another request and take no faults of it.</summary>
    public static OperationRecord Start(HandlerContext ctx, WorkspaceRecord ws, bool includeSpark, string kind, TimeSpan extra = default)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var state = ctx.State;
        var spec = new OperationSpec
        {
            Kind = kind,
            Target = ws.Id,
            SubscriptionId = ws.SubscriptionId,
            Location = ws.Location,
            Duration = Duration(ctx.Options, ws) + extra,
            FailAtCompletion = () => Blocker(state, ws),
            OnSucceeded = () =>
            {
                ws.ManagedNetwork.Status = "Active";
                if (includeSpark)
                {
                    ws.ManagedNetwork.SparkReady = true;
                }

                if (HasUserFqdnRules(ws))
                {
                    ws.ManagedNetwork.FirewallProvisioned = true;
                }

                state.Touch(ws);
            },
            FinalBody = () => new JsonObject
            {
                ["status"] = ws.ManagedNetwork.Status,
                ["sparkReady"] = ws.ManagedNetwork.SparkReady,
            },
        };
        return kind == ImplicitKind ? state.StartOperation(spec) : ctx.StartOperation(spec);
    }

    /// <summary>
    /// How long a compute/deployment creation must wait for the managed network: zero when not managed or Active;
    /// the rest of a running provisioning; else a new implicit provisioning's duration.
    /// </summary>
    public static TimeSpan WaitForNetwork(HandlerContext ctx, WorkspaceRecord owner)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (!owner.ManagedNetwork.IsManaged || owner.ManagedNetwork.IsActive)
        {
            return TimeSpan.Zero;
        }

        var now = ctx.State.Now;
        if (Active(ctx.State, owner) is { } running)
        {
            return running.CompletesAt is { } at ? at - now : TimeSpan.Zero;
        }

        var op = Start(ctx, owner, false, ImplicitKind);
        return op.CompletesAt is { } done ? done - now : TimeSpan.Zero;
    }
}
