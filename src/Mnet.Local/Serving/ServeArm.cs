using Mnet.Arm;
using Mnet.Arm.Credentials;

namespace Mnet.Local.Serving;

/// <summary>
/// The ARM client of <c>mnet serve</c>: the emulator (its endpoint and CA, with the emulator's fixed token) or Azure
/// with the developer's credential (DefaultAzureCredential: az login, environment, managed identity).
/// </summary>
public static class ServeArm
{
    public static IArmClient Create(ServeOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (options.ArmEndpoint is not { } endpoint)
        {
            return new ArmClient(new ArmClientOptions
            {
                Endpoint = ArmClientOptions.AzureEndpoint,
                Credential = ArmCredentials.Create(null, new Dictionary<string, string?>()),
            });
        }

        string? ca = null;
        if (options.CaFile is { } file)
        {
            try
            {
                ca = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ServeOptionsException("ca", $"{file} cannot be read ({e.Message})");
            }
        }

        return new ArmClient(new ArmClientOptions
        {
            Endpoint = endpoint,
            // The emulator accepts its fixed token; any other endpoint gets the developer's credential.
            Credential = endpoint.IsLoopback ? new StaticTokenCredential() : ArmCredentials.Create(null, new Dictionary<string, string?>()),
            CaCertificatePem = ca,
            TimeProvider = clock,
        });
    }
}
