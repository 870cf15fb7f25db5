using Mnet.Arm.Actions;

namespace Mnet.Arm.Http;

/// <summary>One ARM call as the operation groups describe it to <see cref="ArmTransport"/>.</summary>
internal sealed record ArmRequest
{
    public required string Method { get; init; }
    /// <summary>Absolute URL on the endpoint, or a path (+ query) relative to it.</summary>
    public required string Url { get; init; }
    public required ArmOperation Operation { get; init; }
    /// <summary>The resource the call is about; errors name it.</summary>
    public string? ResourceId { get; init; }
    /// <summary>Serialized with ArmJson (camelCase, nulls left out); null for no body.</summary>
    public object? Body { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    /// <summary>Return 4xx/5xx responses instead of throwing (LRO polls read failures from the body).</summary>
    public bool AcceptErrorStatus { get; init; }
    /// <summary>Method to name in errors when it differs from the HTTP one (an LRO poll of a PUT).</summary>
    public string? ReportMethod { get; init; }
}
