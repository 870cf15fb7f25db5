using Azure.Identity;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Functions.Composition;
using Mnet.Functions.Tests.Support;
using Mnet.Service.Configuration;

namespace Mnet.Functions.Tests.Composition;

/// <summary>
/// Ported from TS tests/arm/credentials.test.ts ("client options from the validated configuration: endpoint, CA
/// file, writes per second, retries (0 = none)"): the ARM client is built from the validated settings only.
/// </summary>
public sealed class ArmClientFactoryTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("mnet-ca-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_emulator_settings_give_its_endpoint_CA_ceilings_no_retries_and_its_fixed_token()
    {
        string ca = Path.Combine(folder, "ca.pem");
        File.WriteAllText(ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        var settings = TestSettings.Load(v =>
        {
            v[SettingNames.ArmEndpoint] = "https://127.0.0.1:8443";
            v[SettingNames.ArmCaFile] = ca;
            v[SettingNames.ArmWritesPerSecond] = "3";
            v[SettingNames.ArmRequestsPerSecond] = "15";
            v[SettingNames.ArmMaxRetries] = "0";
        });

        ArmClientOptions options = ArmClientFactory.OptionsFrom(settings, new DefaultAzureCredential());

        Assert.Equal(new Uri("https://127.0.0.1:8443"), options.Endpoint);
        Assert.Contains("BEGIN CERTIFICATE", options.CaCertificatePem, StringComparison.Ordinal);
        Assert.Equal(3, options.WritesPerSecond);
        Assert.Equal(15, options.RequestsPerSecond);
        Assert.Equal(0, options.MaxRetries);
        // The app's identity never goes to a loopback endpoint: the emulator gets its fixed token.
        Assert.IsType<StaticTokenCredential>(options.Credential);
    }

    [Fact]
    public void The_default_settings_give_Azure_the_apps_credential_the_system_trust_and_the_documented_ceilings()
    {
        var credential = new DefaultAzureCredential();

        ArmClientOptions options = ArmClientFactory.OptionsFrom(TestSettings.Load(), credential);

        Assert.Equal(ArmClientOptions.AzureEndpoint, options.Endpoint);
        Assert.Same(credential, options.Credential);
        Assert.Null(options.CaCertificatePem);
        Assert.Equal(6, options.MaxRetries);
        Assert.Equal(5, options.WritesPerSecond);
        Assert.Equal(20, options.RequestsPerSecond);
    }

    [Fact]
    public void The_built_client_talks_to_the_configured_endpoint()
    {
        using var client = ArmClientFactory.Create(TestSettings.Load(), new DefaultAzureCredential());
        Assert.Equal(ArmClientOptions.AzureEndpoint.ToString().TrimEnd('/'), client.Endpoint.TrimEnd('/'));
    }
}
