using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Mnet.Local.Serving;

/// <summary>
/// The function key, as the Functions host checks it: an <c>x-functions-key</c> header or a <c>code</c> query
/// parameter equal to the key (compared in constant time). Without a configured key (loopback only) every call passes.
/// </summary>
public sealed class FunctionKeyGate(string? key)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    readonly byte[]? expected = key is null ? null : Encoding.UTF8.GetBytes(key);

    public bool Allows(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (expected is null) return true;
        string? given = request.Headers[HeaderName].FirstOrDefault() ?? request.Query[QueryName].FirstOrDefault();
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected);
    }
}
