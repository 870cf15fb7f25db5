using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Randomness;

namespace Mnet.Emulator.Ml.Model;

/// <summary>
/// Managed identities as Entra ID would mint them: a system-assigned principal is tied to the resource id (it
/// survives updates); a user-assigned identity's principal and client ids are tied to the identity's resource id.
/// </summary>
public static class IdentityMaterializer
{
    /// <summary>
    /// The identity to store for a request's <c>identity</c>: null input keeps <paramref name="previous"/>;
    /// type None removes it (returns null). Unknown fields the client sent are kept.
    /// </summary>
    public static JsonObject? Materialize(JsonNode? input, string resourceId, string tenantId, JsonObject? previous)
    {
        if (input is null)
        {
            return previous?.DeepClone().AsObject();
        }

        if (input is not JsonObject given || given["type"] is not JsonValue t || !t.TryGetValue<string>(out var type))
        {
            throw new ArmException(400, "InvalidIdentity", "identity.type is required.", "identity");
        }

        var normalized = type.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var canonical = normalized switch
        {
            "none" => "None",
            "systemassigned" => "SystemAssigned",
            "userassigned" => "UserAssigned",
            "systemassigned,userassigned" => "SystemAssigned,UserAssigned",
            _ => throw new ArmException(400, "InvalidIdentityType",
                $"Identity type '{type}' is not supported. Use SystemAssigned, UserAssigned or 'SystemAssigned,UserAssigned'.",
                "identity.type"),
        };
        if (canonical == "None")
        {
            return null;
        }

        var result = given.DeepClone().AsObject();
        result["type"] = canonical;
        if (canonical.Contains("SystemAssigned", StringComparison.Ordinal))
        {
            result["principalId"] = previous?["principalId"]?.GetValue<string>()
                ?? DerivedGuid.From($"system-principal:{resourceId.ToLowerInvariant()}");
            result["tenantId"] = tenantId;
        }
        else
        {
            result.Remove("principalId");
            result.Remove("tenantId");
        }

        if (canonical.Contains("UserAssigned", StringComparison.Ordinal))
        {
            if (given["userAssignedIdentities"] is not JsonObject uais || uais.Count == 0)
            {
                throw new ArmException(400, "InvalidIdentity",
                    "userAssignedIdentities must name at least one identity for type UserAssigned.",
                    "identity.userAssignedIdentities");
            }

            var minted = new JsonObject();
            foreach (var (uaiId, value) in uais)
            {
                var entry = value as JsonObject ?? [];
                minted[uaiId] = new JsonObject
                {
                    ["principalId"] = Text(entry, "principalId") ?? DerivedGuid.From($"uai-principal:{uaiId.ToLowerInvariant()}"),
                    ["clientId"] = Text(entry, "clientId") ?? DerivedGuid.From($"uai-client:{uaiId.ToLowerInvariant()}"),
                };
            }

            result["userAssignedIdentities"] = minted;
        }
        else
        {
            result.Remove("userAssignedIdentities");
        }

        return result;
    }

    /// <summary>Every principal id an identity acts as.</summary>
    public static IReadOnlyList<string> Principals(JsonObject? identity)
    {
        var result = new List<string>();
        if (identity is null)
        {
            return result;
        }

        if (Text(identity, "principalId") is { } p)
        {
            result.Add(p);
        }

        if (identity["userAssignedIdentities"] is JsonObject uais)
        {
            foreach (var (_, v) in uais)
            {
                if (v is JsonObject o && Text(o, "principalId") is { } up)
                {
                    result.Add(up);
                }
            }
        }

        return result;
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
