using System.Security.Cryptography.X509Certificates;

namespace Mnet.Emulator.Tls;

/// <summary>The emulator's CA (what clients trust) and the server certificate it issued for 127.0.0.1/localhost.</summary>
public sealed record EmulatorCertificates(X509Certificate2 Ca, X509Certificate2 Server)
{
    public string CaPem => Ca.ExportCertificatePem();
}
