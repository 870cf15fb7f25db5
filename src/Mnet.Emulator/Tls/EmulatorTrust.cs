using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Mnet.Emulator.Tls;

/// <summary>Client-side trust of the emulator's CA (and nothing else) for HttpClient-based callers.</summary>
public static class EmulatorTrust
{
    /// <summary>True when the server's chain ends at <paramref name="ca"/> and names the host.</summary>
    public static bool Validates(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }

    /// <summary>A handler that trusts only the given CA (tests and local clients).</summary>
    public static SocketsHttpHandler CreateHandler(X509Certificate2 ca) => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, cert, _, errors) => Validates(ca, cert, errors),
        },
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    };
}
