using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using Mnet.Emulator.Tests.Support;
using Mnet.Emulator.Tls;

namespace Mnet.Emulator.Tests.Sdk;

/// <summary>
/// The official Azure.ResourceManager client pointed at an emulator: its endpoint as the ARM environment, a bearer
/// token credential, and a transport whose certificate validation trusts the emulator's CA and nothing else.
/// </summary>
public static class SdkClients
{
    public static ArmClient For(TestEmulator emu, Action<ArmClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(emu);
        var ca = emu.Emulator.CaCertificate;
#pragma warning disable CA2000 // the transport owns the handler for the client's lifetime (the test's)
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) => EmulatorTrust.Validates(ca, certificate, errors),
        };
#pragma warning restore CA2000
        var options = new ArmClientOptions
        {
            Environment = new ArmEnvironment(emu.Emulator.Url, "https://management.azure.com/"),
            Transport = new HttpClientTransport(handler),
        };
        options.Retry.MaxRetries = 0;
        configure?.Invoke(options);
        return new ArmClient(new FakeTokenCredential(), Wire.Sub, options);
    }

    public static ResourceIdentifier Id(string id) => new(id);
}
