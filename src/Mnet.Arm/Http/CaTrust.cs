using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Mnet.Arm.Http;

/// <summary>
/// TLS trust of ONE given CA (the local emulator's): a server certificate is accepted only when its chain ends at
/// that CA and its name matches. Used only when a CA PEM is configured; in Azure the system trust store applies.
/// </summary>
internal static class CaTrust
{
    public static Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> Validator(string caPem)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(caPem);
        if (roots.Count == 0)
        {
            throw new Errors.ArmUsageException(
                Errors.ArmUsageErrorCode.InvalidOption, "the CA PEM holds no certificate");
        }
        return (_, certificate, presented, errors) =>
        {
            if (certificate is null) return false;
            // The name and presence checks still apply; only the chain's trust anchor is ours to decide.
            if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
            {
                return false;
            }
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (presented is not null)
            {
                foreach (var element in presented.ChainElements) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
            return chain.Build(certificate);
        };
    }
}
