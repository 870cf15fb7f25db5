using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mnet.Functions.Tests.Support;

/// <summary>Test tokens: Entra-shaped claims, signed here with the library (or deliberately not).</summary>
internal static class TestTokens
{
    public const string Tenant = "11111111-2222-4333-8444-555555555555";
    public const string Audience = "api://mnet-autopilot";
    public const string Role = "Mnet.Approver";
    public const string ObjectId = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    public static readonly string IssuerV2 = $"https://login.microsoftonline.com/{Tenant}/v2.0";
    public static readonly string IssuerV1 = $"https://sts.windows.net/{Tenant}/";

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>An approver's claims; a change mapping a claim to null removes it.</summary>
    public static Dictionary<string, object?> ApproverClaims(Action<Dictionary<string, object?>>? change = null)
    {
        long now = Now;
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = IssuerV2,
            ["aud"] = Audience,
            ["tid"] = Tenant,
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
            ["oid"] = ObjectId,
            ["preferred_username"] = "erin@contoso.com",
            ["roles"] = new[] { Role },
        };
        change?.Invoke(claims);
        return claims;
    }

    public static string Sign(TestKey key, Dictionary<string, object?> claims, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var credentials = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = key.Kid }, algorithm);
        return handler.CreateToken(Payload(claims), credentials);
    }

    /// <summary>An HS256 token (a shared secret instead of the tenant's key).</summary>
    public static string SignHs256(string kid, Dictionary<string, object?> claims)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-of-at-least-32-bytes!!")) { KeyId = kid };
        return handler.CreateToken(Payload(claims), new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with a kid the tenant publishes.</summary>
    public static string Unsigned(string kid, Dictionary<string, object?> claims) =>
        $"{Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", kid }))}.{Base64UrlEncoder.Encode(Payload(claims))}.";

    /// <summary>The token with its payload replaced (signature kept).</summary>
    public static string Tampered(string token, Dictionary<string, object?> claims)
    {
        string[] parts = token.Split('.');
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Payload(claims))}.{parts[2]}";
    }

    static string Payload(Dictionary<string, object?> claims) =>
        JsonSerializer.Serialize(claims.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value));
}
