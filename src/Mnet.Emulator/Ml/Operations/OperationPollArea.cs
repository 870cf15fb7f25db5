using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Operations;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Ml.Operations;

/// <summary>
/// LRO polls. Azure-AsyncOperation (mfeOperationsStatus): always 200 <c>{id, name, status, startTime, endTime?,
/// percentComplete, error?}</c>. Location (mfeOperationResults): 202 + Location + Retry-After while running; then the final body
/// (200) or 204; a failed operation answers its error with 400 (as the service does for a failed Location poll).
/// </summary>
public sealed class OperationPollArea : IEmulatorArea
{
    private const string Base = "/subscriptions/{sub}/providers/Microsoft.MachineLearningServices/locations/{loc}";

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Add("GET", $"{Base}/mfeOperationsStatus/{{id}}", ApiVersionPolicy.NotRequired, Status);
        routes.Add("GET", $"{Base}/mfeOperationResults/{{id}}", ApiVersionPolicy.NotRequired, Result);
    }

    private static OperationRecord Find(HandlerContext ctx, RouteParams p) =>
        ctx.State.Operations.Get(p["id"]) is { } op
        && op.Spec.SubscriptionId.Equals(p["sub"], StringComparison.OrdinalIgnoreCase)
            ? op
            : throw new ArmException(404, "OperationNotFound", $"The operation '{p["id"]}' was not found.");

    private static EmuResponse Status(HandlerContext ctx, RouteParams p)
    {
        var op = Find(ctx, p);
        var body = new JsonObject
        {
            ["id"] = $"/subscriptions/{op.Spec.SubscriptionId}/providers/Microsoft.MachineLearningServices/locations/{op.Spec.Location}/mfeOperationsStatus/{op.Id}",
            ["name"] = op.Id,
            ["status"] = op.Status.ToString(),
            ["startTime"] = MlRequests.Iso(op.StartedAt),
            ["percentComplete"] = PercentComplete(op, ctx.State.Now),
        };
        if (op.EndedAt is { } ended)
        {
            body["endTime"] = MlRequests.Iso(ended);
        }

        if (op.Error is not null)
        {
            body["error"] = new JsonObject { ["code"] = op.Error.Code, ["message"] = op.Error.Message };
        }

        var response = EmuResponse.Ok(body);
        return op.InProgress
            ? response.WithHeader("Retry-After", ctx.Options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : response;
    }

    private static int PercentComplete(OperationRecord op, DateTimeOffset now)
    {
        if (!op.InProgress)
        {
            return 100;
        }

        if (op.CompletesAt is not { } at || at <= op.StartedAt)
        {
            return 0;
        }

        var done = (now - op.StartedAt) / (at - op.StartedAt);
        return (int)Math.Min(99, Math.Floor(done * 100));
    }

    private static EmuResponse Result(HandlerContext ctx, RouteParams p)
    {
        var op = Find(ctx, p);
        switch (op.Status)
        {
            case OperationStatus.InProgress:
                return new EmuResponse(202, null, new Dictionary<string, string>
                {
                    ["Location"] = LroResponses.LocationUrl(ctx, op),
                    ["Retry-After"] = ctx.Options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            case OperationStatus.Succeeded:
                return op.Spec.FinalBody?.Invoke() is { } final ? EmuResponse.Ok(final) : EmuResponse.NoContent();
            default:
                var error = op.Error ?? new OperationError("OperationFailed", "The operation failed.");
                throw new ArmException(400, error.Code, error.Message, op.Target);
        }
    }
}
