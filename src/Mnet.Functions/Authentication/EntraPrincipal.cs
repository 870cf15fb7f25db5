using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Mnet.Service.Ports;

namespace Mnet.Functions.Authentication;

/// <summary>
/// The principal of a token the library has validated: who it is (oid, upn / preferred_username, appid / azp), its
/// tenant and app roles. Recorded as <c>upn</c>, else <c>app:{appid}</c>, else <c>oid:{oid}</c>.
/// </summary>
internal sealed class EntraPrincipal
{
    public EntraPrincipal(JsonWebToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        ObjectId = Text(token, "oid");
        Upn = Text(token, "upn") ?? Text(token, "preferred_username");
        AppId = Text(token, "appid") ?? Text(token, "azp");
        TenantId = Text(token, "tid");
        Roles = RoleList(token);
    }

    public string? ObjectId { get; }
    public string? Upn { get; }
    public string? AppId { get; }
    public string? TenantId { get; }
    public IReadOnlyList<string> Roles { get; }

    public CallerIdentity ToIdentity()
    {
        string name = Upn ?? (AppId is not null ? $"app:{AppId}" : ObjectId is not null ? $"oid:{ObjectId}" : "entra:unknown");
        var parts = new List<string>();
        if (ObjectId is not null) parts.Add($"oid={ObjectId}");
        if (Upn is not null) parts.Add($"upn={Upn}");
        if (AppId is not null) parts.Add($"appid={AppId}");
        IReadOnlyList<string> aliases = new[] { ObjectId, Upn, AppId }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new CallerIdentity(name, "entra:" + string.Join(';', parts), aliases);
    }

    static string? Text(JsonWebToken token, string claim) =>
        token.TryGetPayloadValue(claim, out string? value) && !string.IsNullOrWhiteSpace(value) ? Clip(value.Trim()) : null;

    static IReadOnlyList<string> RoleList(JsonWebToken token)
    {
        if (token.TryGetPayloadValue("roles", out JsonElement roles))
        {
            return roles.ValueKind switch
            {
                JsonValueKind.Array => roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList(),
                JsonValueKind.String => [roles.GetString()!],
                _ => [],
            };
        }

        return token.TryGetPayloadValue("roles", out string? single) && single is not null ? [single] : [];
    }

    // Names are recorded and logged: bound their length.
    static string Clip(string value) => value.Length <= 256 ? value : value[..256];
}
