using Azure.Core;
using Azure.Identity;
using Mnet.Arm.Credentials;
using Mnet.Arm.Errors;

namespace Mnet.Arm.Tests.Credentials;

/// <summary>Port of tests/arm/credentials.test.ts (the settings case belongs to the app's configuration, not here).</summary>
public sealed class ArmCredentialsTests
{
    private const string ClientId = "3b7d2e91-5a4c-4f08-b6e2-1c9a8d7f5e24";
    private static readonly Dictionary<string, string?> InAzure = new() { ["IDENTITY_ENDPOINT"] = "http://localhost:8081/msi/token" };
    private static readonly Dictionary<string, string?> Elsewhere = new();

    [Fact]
    public void In_Azure_with_a_client_id_the_user_assigned_managed_identity()
    {
        Assert.True(ArmCredentials.RunsInAzure(InAzure));
        Assert.True(ArmCredentials.RunsInAzure(new Dictionary<string, string?> { ["MSI_ENDPOINT"] = "x" }));
        Assert.IsType<ManagedIdentityCredential>(ArmCredentials.Create(ClientId, InAzure));
    }

    [Fact]
    public void Elsewhere_or_without_a_client_id_DefaultAzureCredential()
    {
        Assert.False(ArmCredentials.RunsInAzure(Elsewhere));
        Assert.IsType<DefaultAzureCredential>(ArmCredentials.Create(ClientId, Elsewhere));
        Assert.IsType<DefaultAzureCredential>(ArmCredentials.Create("", InAzure));
        Assert.IsType<DefaultAzureCredential>(ArmCredentials.Create(null, Elsewhere));
    }

    [Fact]
    public void StaticTokenCredential_returns_its_fixed_token_and_refuses_an_empty_one()
    {
        var token = new StaticTokenCredential("emulator").GetToken(new TokenRequestContext(["s/.default"]), default);
        Assert.Equal("emulator", token.Token);
        Assert.True(token.ExpiresOn > DateTimeOffset.UtcNow);
        var error = Assert.Throws<ArmUsageException>(() => new StaticTokenCredential(" "));
        Assert.Contains("non-empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_credential_never_reads_the_process_environment_the_caller_passes_what_it_read()
    {
        var saved = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", "http://localhost:8081/msi/token");
        try
        {
            Assert.IsType<DefaultAzureCredential>(ArmCredentials.Create(ClientId, Elsewhere));
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", saved);
        }
    }
}
