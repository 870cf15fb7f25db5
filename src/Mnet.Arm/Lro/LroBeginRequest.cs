using Mnet.Arm.Actions;

namespace Mnet.Arm.Lro;

/// <summary>The first request of a long-running operation.</summary>
internal sealed record LroBeginRequest(
    string Method,
    string Url,
    ArmOperation Operation,
    string ResourceId,
    object? Body = null,
    IReadOnlyDictionary<string, string>? Headers = null);
