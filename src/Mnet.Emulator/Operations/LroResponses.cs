using System.Text.Json.Nodes;
using Mnet.Arm;
using Mnet.Emulator.Http;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Operations;

/// <summary>
/// LRO answers: poll URLs (<c>.../locations/{loc}/mfeOperationsStatus/{id}</c> for Azure-AsyncOperation,
/// <c>.../mfeOperationResults/{id}</c> for Location) and the headers the emulator's
/// <see cref="LroHeaderStyle"/> calls for.
/// </summary>
public static class LroResponses
{
    public static string AsyncOperationUrl(HandlerContext ctx, OperationRecord op) =>
        $"{Base(ctx, op)}/mfeOperationsStatus/{op.Id}?api-version={ArmApiVersions.MachineLearning}";

    public static string LocationUrl(HandlerContext ctx, OperationRecord op) =>
        $"{Base(ctx, op)}/mfeOperationResults/{op.Id}?api-version={ArmApiVersions.MachineLearning}";

    /// <summary>An LRO answer with the spec's headers for this operation (or the configured override).</summary>
    public static EmuResponse Accepted(HandlerContext ctx, OperationRecord op, LroHeaders spec, int status = 202,
        JsonNode? body = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Retry-After"] = ctx.Options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var effective = ctx.Options.LroHeaders switch
        {
            LroHeaderStyle.AzureAsyncOperation => LroHeaders.AzureAsyncOperation,
            LroHeaderStyle.Location => LroHeaders.Location,
            LroHeaderStyle.Both => LroHeaders.Both,
            _ => spec,
        };
        if (effective is LroHeaders.AzureAsyncOperation or LroHeaders.Both)
        {
            headers["Azure-AsyncOperation"] = AsyncOperationUrl(ctx, op);
        }

        if (effective is LroHeaders.Location or LroHeaders.Both)
        {
            headers["Location"] = LocationUrl(ctx, op);
        }

        return new EmuResponse(status, body, headers);
    }

    private static string Base(HandlerContext ctx, OperationRecord op) =>
        $"{ctx.BaseUrl}/subscriptions/{op.Spec.SubscriptionId}/providers/Microsoft.MachineLearningServices/locations/{op.Spec.Location}";
}
