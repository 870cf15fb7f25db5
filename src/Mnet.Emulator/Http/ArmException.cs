using System.Text.Json.Nodes;

namespace Mnet.Emulator.Http;

/// <summary>
/// An ARM error answer: thrown anywhere in the pipeline or a handler, turned into
/// <c>{"error":{"code","message","target","details":[],"additionalInfo":[]}}</c> with its status and headers.
/// </summary>
public sealed class ArmException : Exception
{
    public ArmException(int status, string code, string message, string? target = null,
        JsonArray? details = null, IReadOnlyDictionary<string, string>? headers = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Target = target;
        Details = details;
        Headers = headers ?? new Dictionary<string, string>();
    }

    public int Status { get; }

    public string Code { get; }

    /// <summary>Null: the request path is the target.</summary>
    public string? Target { get; }

    public JsonArray? Details { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public JsonObject Body(string defaultTarget) =>
        ArmErrors.Body(Code, Message, Target ?? defaultTarget, Details);
}
