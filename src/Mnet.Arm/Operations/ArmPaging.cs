using System.Text.Json;
using Mnet.Arm.Actions;
using Mnet.Arm.Http;
using Mnet.Core.Resources;

namespace Mnet.Arm.Operations;

/// <summary>Follows <c>nextLink</c> to the last page; ARM list bodies are <c>{value: [...], nextLink?}</c>.</summary>
internal static class ArmPaging
{
    public static async Task<IReadOnlyList<T>> ListAllAsync<T>(
        ArmTransport transport, string url, ArmOperation operation, string resourceId,
        CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? next = url;
        while (next is not null)
        {
            var request = new ArmRequest { Method = "GET", Url = next, Operation = operation, ResourceId = resourceId };
            // A service repeating a nextLink would otherwise loop forever; stopping quietly would hide rows.
            if (!seen.Add(next))
            {
                throw new ArmResponse { Status = 0, Headers = new Dictionary<string, string>(), Text = "", Method = "GET", Url = next }
                    .Invalid(request, $"the service returned the same nextLink twice: {next}");
            }
            var response = await transport.SendAsync(request, cancellationToken);
            if (response.Body is not { ValueKind: JsonValueKind.Object } body ||
                !body.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw response.Invalid(request, "list response has no \"value\" array");
            }
            foreach (var element in value.EnumerateArray())
            {
                try
                {
                    items.Add(ArmJson.Deserialize<T>(element));
                }
                catch (JsonException e)
                {
                    throw response.Invalid(request, $"a listed item is not a valid {typeof(T).Name}: {e.Message}", e);
                }
            }
            next = body.TryGetProperty("nextLink", out var link) && link.ValueKind == JsonValueKind.String &&
                link.GetString() is { Length: > 0 } text
                ? text
                : null;
        }
        return items;
    }
}
