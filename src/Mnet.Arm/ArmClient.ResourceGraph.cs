using System.Text.Json;
using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Arm.Http;
using Mnet.Arm.Models;
using Mnet.Arm.Operations;
using Mnet.Core.Resources;

namespace Mnet.Arm;

/// <summary>
/// Resource Graph across many subscriptions: batched, each batch paged with $top/$skipToken until the service stops
/// returning a token. A truncated answer without a skip token (a query not projecting id) is an error, never a
/// short list.
/// </summary>
public sealed partial class ArmClient
{
    private const string ResourceGraphPath = "/providers/Microsoft.ResourceGraph/resources";

    public async Task<IReadOnlyList<T>> QueryResourceGraphAsync<T>(
        string query, IReadOnlyCollection<string> subscriptions, ResourceGraphOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentNullException.ThrowIfNull(subscriptions);
        options ??= new ResourceGraphOptions();
        var pageSize = Math.Clamp(options.PageSize, 1, ResourceGraphOptions.MaxPageSize);
        var perRequest = Math.Max(1, options.SubscriptionsPerRequest);
        // An empty list would make the service query every subscription the identity sees: not what was asked.
        var unique = subscriptions.Select(s => ArmUrls.RequireSubscription(s).ToLowerInvariant()).Distinct().ToArray();
        var rows = new List<T>();
        foreach (var batch in unique.Chunk(perRequest))
        {
            string? skipToken = null;
            var seenTokens = new HashSet<string>(StringComparer.Ordinal);
            do
            {
                var request = new ArmRequest
                {
                    Method = "POST",
                    Url = ArmUrls.Path(ResourceGraphPath, ArmApiVersions.ResourceGraph),
                    Operation = ArmOperation.QueryResourceGraph,
                    ResourceId = ResourceGraphPath,
                    Body = new ResourceGraphRequest
                    {
                        Subscriptions = batch,
                        Query = query,
                        Options = new ResourceGraphRequestOptions
                        {
                            Top = pageSize,
                            SkipToken = skipToken,
                            ResultFormat = "objectArray",
                        },
                    },
                };
                var response = await _transport.SendAsync(request, cancellationToken);
                var page = ReadPage(response, request);
                foreach (var row in page.Data) rows.Add(ReadRow<T>(row, response, request));
                var next = page.SkipToken;
                if (next is not null && !seenTokens.Add(next))
                {
                    throw response.Invalid(request, "the service returned the same $skipToken twice");
                }
                if (next is null && page.ResultTruncated)
                {
                    throw ArmException.FromDetails(new ArmErrorDetails
                    {
                        Status = response.Status,
                        Code = ArmErrorCodes.ResourceGraphResultTruncated,
                        Message = "Resource Graph truncated the result and gave no $skipToken; project the id " +
                            "column so it can page",
                        Operation = ArmOperation.QueryResourceGraph,
                        ResourceId = ResourceGraphPath,
                        Method = "POST",
                        RequestId = response.RequestId,
                    });
                }
                skipToken = next;
            }
            while (skipToken is not null);
        }
        return rows;
    }

    private static ResourceGraphPage ReadPage(ArmResponse response, ArmRequest request)
    {
        if (response.Body is not { ValueKind: JsonValueKind.Object } body ||
            !body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw response.Invalid(
                request, "Resource Graph answer has no \"data\" array (resultFormat objectArray expected)");
        }
        var truncated = body.TryGetProperty("resultTruncated", out var flag) &&
            (flag.ValueKind == JsonValueKind.True ||
                (flag.ValueKind == JsonValueKind.String && string.Equals(flag.GetString(), "true", StringComparison.OrdinalIgnoreCase)));
        var token = body.TryGetProperty("$skipToken", out var t) && t.ValueKind == JsonValueKind.String &&
            t.GetString() is { Length: > 0 } text
            ? text
            : null;
        return new ResourceGraphPage(data.EnumerateArray().Select(e => e.Clone()).ToArray(), truncated, token);
    }

    private static T ReadRow<T>(JsonElement row, ArmResponse response, ArmRequest request)
    {
        try
        {
            return ArmJson.Deserialize<T>(row);
        }
        catch (JsonException e)
        {
            throw response.Invalid(request, $"a Resource Graph row is not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }
}
