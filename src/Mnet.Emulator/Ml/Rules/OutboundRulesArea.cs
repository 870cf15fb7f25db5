using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.Operations;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Ml.Rules;

/// <summary>
/// Outbound rules under a workspace: list/get/put/delete. PUT and DELETE are LROs answered with Location +
/// Retry-After (the spec's headers; duration RuleWrite); rule writes are one at a time per workspace (409 while
/// one runs). A Project reports its hub's rules and cannot write its own.
/// </summary>
public sealed class OutboundRulesArea : IEmulatorArea
{
    private const string Rules = MlTypes.WorkspaceRoute + "/outboundRules";

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var v = MlRequests.ApiVersions;
        routes.Add("GET", Rules, v, List);
        routes.Add("GET", $"{Rules}/{{rule}}", v, Get);
        routes.Add("PUT", $"{Rules}/{{rule}}", v, Put);
        routes.Add("DELETE", $"{Rules}/{{rule}}", v, Delete);
    }

    private static EmuResponse List(HandlerContext ctx, RouteParams p)
    {
        var ws = MlRequests.RequireWorkspace(ctx, p);
        return MlRequests.ListPage(ctx, [.. RulesView.Effective(ctx.State, ws).Select(r => (JsonNode)RulesView.Resource(ws, r.Name, r.Rule))]);
    }

    private static EmuResponse Get(HandlerContext ctx, RouteParams p)
    {
        var ws = MlRequests.RequireWorkspace(ctx, p);
        var name = p["rule"];
        var found = RulesView.Effective(ctx.State, ws).FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (found.Rule is null)
        {
            throw new ArmException(404, "ResourceNotFound", $"Outbound rule '{name}' was not found in workspace '{ws.Name}'.",
                $"{ws.Id}/outboundRules/{name}");
        }

        return EmuResponse.Ok(RulesView.Resource(ws, found.Name, found.Rule));
    }

    private static WorkspaceRecord OwnerForWrite(HandlerContext ctx, WorkspaceRecord ws)
    {
        if (NetworkOwnership.Owner(ctx.State, ws) != ws)
        {
            throw ArmErrors.Validation($"Workspace '{ws.Name}' is a Project; outbound rules are managed on its hub.");
        }

        if (ctx.State.Operations.ActiveUnder($"{ws.Id}/outboundRules").FirstOrDefault() is { } running)
        {
            throw new ArmException(409, "Conflict",
                $"Another outbound rule operation is in progress on workspace '{ws.Name}' ({ScopePath.LastSegment(running.Target)}); outbound rules are updated one at a time.",
                ws.Id);
        }

        return ws;
    }

    private static EmuResponse Put(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        var ws = OwnerForWrite(ctx, MlRequests.RequireWritableWorkspace(ctx, p));
        var name = p["rule"];
        RuleValidation.CheckRuleName(name);
        var rule = RuleValidation.Validate(state, ws, ws.ManagedNetwork.IsolationMode, name, ctx.Request.BodyObject()["properties"]);
        var rec = new UserRuleRecord(ws.UserRules.GetValueOrDefault(name)?.Name ?? name, rule) { Pending = "Provisioning" };
        ws.UserRules[name] = rec;
        state.Touch(ws);
        var op = ctx.StartOperation(new OperationSpec
        {
            Kind = "ruleWrite",
            Target = $"{ws.Id}/outboundRules/{rec.Name}",
            SubscriptionId = ws.SubscriptionId,
            Location = ws.Location,
            Duration = ctx.Options.Durations.RuleWrite,
            OnSucceeded = () =>
            {
                rec.Pending = null;
                rec.Failed = false;
                state.Touch(ws);
            },
            OnFailed = _ =>
            {
                rec.Pending = null;
                rec.Failed = true;
                state.Touch(ws);
            },
            FinalBody = () => RulesView.Resource(ws, rec.Name, RulesView.UserRule(state, ws, rec)),
        });
        return LroResponses.Accepted(ctx, op, LroHeaders.Location);
    }

    private static EmuResponse Delete(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        var ws = OwnerForWrite(ctx, MlRequests.RequireWritableWorkspace(ctx, p));
        var name = p["rule"];
        if (name.StartsWith("__SYS", StringComparison.Ordinal))
        {
            throw ArmErrors.Validation($"Outbound rule '{name}' is a Required rule and cannot be deleted.", name);
        }

        if (ws.UserRules.GetValueOrDefault(name) is not { } rec)
        {
            return EmuResponse.NoContent();
        }

        rec.Pending = "Deleting";
        state.Touch(ws);
        var op = ctx.StartOperation(new OperationSpec
        {
            Kind = "ruleDelete",
            Target = $"{ws.Id}/outboundRules/{rec.Name}",
            SubscriptionId = ws.SubscriptionId,
            Location = ws.Location,
            Duration = ctx.Options.Durations.RuleWrite,
            OnSucceeded = () =>
            {
                if (ws.UserRules.GetValueOrDefault(name) == rec)
                {
                    ws.UserRules.Remove(name);
                }

                state.Touch(ws);
            },
            OnFailed = _ =>
            {
                rec.Pending = null;
                state.Touch(ws);
            },
        });
        return LroResponses.Accepted(ctx, op, LroHeaders.Location);
    }
}
