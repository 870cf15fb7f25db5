using System.Text.Json;

namespace Mnet.Arm.Errors;

/// <summary>The code, message and target of an ARM error body.</summary>
public sealed record ArmErrorBody(string? Code, string? Message, string? Target)
{
    /// <summary>Reads <c>{error:{code,message,target}}</c>, or a bare <c>{code,message}</c> (seen from some providers).</summary>
    public static ArmErrorBody Parse(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root) return new ArmErrorBody(null, null, null);
        var inner = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            ? error
            : root;
        return new ArmErrorBody(StringOf(inner, "code"), StringOf(inner, "message"), StringOf(inner, "target"));
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
