using System.Text.Json;
using Mnet.Arm.Errors;
using Mnet.Core.Resources;

namespace Mnet.Arm.Http;

/// <summary>A parsed ARM answer.</summary>
internal sealed record ArmResponse
{
    public required int Status { get; init; }
    /// <summary>Header names compare without case.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    /// <summary>The JSON body; null when the body was empty or (for an error status) not JSON.</summary>
    public JsonElement? Body { get; init; }
    /// <summary>The raw body text ("" when empty).</summary>
    public required string Text { get; init; }
    public string? RequestId { get; init; }
    public required string Method { get; init; }
    public required string Url { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public bool HasObjectBody => Body is { ValueKind: JsonValueKind.Object };

    /// <summary>The body as one resource; anything but a JSON object is an invalid response.</summary>
    public T As<T>(ArmRequest request)
    {
        if (!HasObjectBody) throw Invalid(request, "expected a JSON object in the response");
        try
        {
            return ArmJson.Deserialize<T>(Body!.Value);
        }
        catch (JsonException e)
        {
            throw Invalid(request, $"the response is not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }

    public ArmException Invalid(ArmRequest request, string message, Exception? inner = null) =>
        ArmException.FromDetails(
            new ArmErrorDetails
            {
                Status = Status,
                Code = ArmErrorCodes.InvalidResponse,
                Message = message,
                Operation = request.Operation,
                ResourceId = request.ResourceId,
                Method = request.ReportMethod ?? request.Method,
                RequestId = RequestId,
            },
            inner);
}
