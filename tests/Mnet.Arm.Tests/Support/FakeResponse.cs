namespace Mnet.Arm.Tests.Support;

/// <summary>
/// What the fake answers: a status, headers and a body (any object, serialized as is: names exactly as written), or a
/// connection reset.
/// </summary>
internal sealed record FakeResponse(int Status, object? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public bool Reset { get; init; }

    public static FakeResponse ResetConnection() => new(0) { Reset = true };
}
