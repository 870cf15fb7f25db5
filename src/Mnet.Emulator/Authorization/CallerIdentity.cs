using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mnet.Emulator.Authorization;

/// <summary>
/// Who is calling, read from the bearer token as ARM reads it: the claims of a JWT (the emulator does not check
/// signatures) and its <c>oid</c>. A token that is itself a GUID names that principal (handy in tests). Any other
/// token is the emulator's anonymous operator, which holds every permission (the emulator never enforces RBAC).
/// </summary>
public static class CallerIdentity
{
    /// <summary>The caller's object id, or null for the anonymous operator.</summary>
    public static string? PrincipalId(string? authorizationHeader)
    {
        var token = BearerToken(authorizationHeader);
        if (token is null)
        {
            return null;
        }

        if (Guid.TryParse(token, out var guid))
        {
            return guid.ToString("D");
        }

        return Claims(authorizationHeader)?["oid"] is JsonValue v && v.TryGetValue<string>(out var oid) ? oid : null;
    }

    /// <summary>The claims of a JWT bearer token; null when the token is not one.</summary>
    public static JsonObject? Claims(string? authorizationHeader)
    {
        var parts = BearerToken(authorizationHeader)?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) as JsonObject;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? BearerToken(string? header) =>
        header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;
}
