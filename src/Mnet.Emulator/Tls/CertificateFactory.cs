using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mnet.Emulator.Tls;

/// <summary>Generates a CA and a server certificate in process (a fresh pair per emulator start).</summary>
public static class CertificateFactory
{
    private const string Organization = "O=mnet-autopilot (local emulator)";

    public static EmulatorCertificates Create(DateTimeOffset now)
    {
        var notBefore = now.AddHours(-1);
        var notAfter = now.AddDays(7);

        using var caKey = RSA.Create(2048);
        var caName = new X500DistinguishedName($"CN=mnet-autopilot ARM emulator CA, {Organization}");
        var caRequest = new CertificateRequest(caName, caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        var caSki = new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false);
        caRequest.CertificateExtensions.Add(caSki);
        // Create (not CreateSelfSigned) so the serial is ours: minimally encoded.
        using var caPublic = caRequest.Create(caName, X509SignatureGenerator.CreateForRSA(caKey, RSASignaturePadding.Pkcs1),
            notBefore, notAfter.AddDays(1), CertificateSerial.New());
        using var caWithKey = caPublic.CopyWithPrivateKey(caKey);

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest(
            new X500DistinguishedName($"CN=127.0.0.1, {Organization}"), serverKey, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(serverRequest.PublicKey, false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(caSki));
        using var serverPublic = serverRequest.Create(caWithKey, notBefore, notAfter, CertificateSerial.New());
        using var serverWithKey = serverPublic.CopyWithPrivateKey(serverKey);

        // A PKCS#12 round trip gives a key TLS can use on every platform (ephemeral keys are refused on some).
        var server = X509CertificateLoader.LoadPkcs12(serverWithKey.Export(X509ContentType.Pkcs12), null);
        var ca = X509CertificateLoader.LoadCertificate(caPublic.RawData);
        return new EmulatorCertificates(ca, server);
    }
}
