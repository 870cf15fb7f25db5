using System.Security.Cryptography;

namespace Mnet.Functions.Tests.Support;

/// <summary>An RSA signing key made for a test, with its key id.</summary>
internal sealed record TestKey(string Kid, RSA Rsa)
{
    public static TestKey Create(string kid) => new(kid, RSA.Create(2048));
}
