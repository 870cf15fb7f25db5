using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mnet.Arm.Tests.Support;

/// <summary>Throwaway self-signed CA certificates for 127.0.0.1 (the fake ARM server's TLS), made once per run.</summary>
internal static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> LoopbackCa = new(() => Create("mnet-test-ca"));
    private static readonly Lazy<X509Certificate2> OtherCa = new(() => Create("mnet-other-ca"));

    /// <summary>The certificate the fake server presents by default (it is its own CA).</summary>
    public static X509Certificate2 Loopback => LoopbackCa.Value;

    /// <summary>A second, unrelated certificate for 127.0.0.1: a client trusting only <see cref="Loopback"/> must refuse it.</summary>
    public static X509Certificate2 Other => OtherCa.Value;

    public static string PemOf(X509Certificate2 certificate) => certificate.ExportCertificatePem();

    private static X509Certificate2 Create(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Re-loaded from PKCS#12 so that TLS can use the private key on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
