using System.Text.Json.Nodes;

namespace Mnet.Emulator.Http;

/// <summary>The error answers handlers throw most, with ARM's codes.</summary>
public static class ArmErrors
{
    public static JsonObject Body(string code, string message, string target, JsonArray? details = null) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["target"] = target,
            ["details"] = details?.DeepClone() ?? new JsonArray(),
            ["additionalInfo"] = new JsonArray(),
        },
    };

    public static ArmException BadRequest(string code, string message, string? target = null) =>
        new(400, code, message, target);

    /// <summary>400 ValidationError: the code the ML service uses for its own rule refusals.</summary>
    public static ArmException Validation(string message, string? target = null) =>
        BadRequest("ValidationError", message, target);

    public static ArmException NotFound(string message, string? target = null) =>
        new(404, "ResourceNotFound", message, target);

    public static ArmException Conflict(string code, string message, string? target = null) =>
        new(409, code, message, target);

    public static ArmException ResourceNotFound(string type, string id) =>
        NotFound($"The Resource '{type}' under resource id '{id}' was not found.", id);

    /// <summary>The code ARM gives an injected or generic failure of this status.</summary>
    public static string DefaultCode(int status) => status switch
    {
        429 => "TooManyRequests",
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        409 => "Conflict",
        _ => status >= 500 ? "InternalServerError" : "BadRequest",
    };
}
