using Azure.Core;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Service.Configuration;

namespace Mnet.Functions.Composition;

/// <summary>
/// The ARM client from the validated settings: endpoint, ceilings and retries as configured. A loopback endpoint is
/// the local emulator (its CA in MNET_ARM_CA_FILE): it gets the emulator's fixed token, never the app's identity.
/// </summary>
public static class ArmClientFactory
{
    public static ArmClient Create(MnetSettings settings, TokenCredential credential) =>
        new(OptionsFrom(settings, credential));

    /// <summary>The client's options from the validated settings (nothing else is read).</summary>
    public static ArmClientOptions OptionsFrom(MnetSettings settings, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credential);
        return new ArmClientOptions
        {
            Endpoint = settings.ArmEndpoint,
            Credential = settings.ArmEndpoint.IsLoopback ? new StaticTokenCredential() : credential,
            CaCertificatePem = settings.ArmCaFile is { } ca ? File.ReadAllText(ca) : null,
            WritesPerSecond = settings.ArmWritesPerSecond,
            RequestsPerSecond = settings.ArmRequestsPerSecond,
            MaxRetries = settings.ArmMaxRetries,
        };
    }
}
