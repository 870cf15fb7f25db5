using Mnet.Arm.Credentials;
using Mnet.Arm.Errors;
using Mnet.Arm.Tests.Support;

namespace Mnet.Arm.Tests.Http;

/// <summary>The emulator's CA is trusted through the transport, and only it: no other CA, no wrong name.</summary>
public sealed class CaTrustTests
{
    private const string Ws =
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1";

    private static readonly object WorkspaceBody = new { id = Ws, name = "ws1", location = "westeurope", properties = new { } };

    private static ArmClient ClientFor(string url, string? caPem) => new(new ArmClientOptions
    {
        Endpoint = new Uri(url),
        Credential = new StaticTokenCredential(),
        CaCertificatePem = caPem,
        MaxRetries = 0,
    });

    [Fact]
    public async Task The_configured_CA_is_trusted()
    {
        await using var fake = await FakeArm.StartAsync((_, _) => new FakeResponse(200, WorkspaceBody));
        using var client = ClientFor(fake.Url, fake.CaCertificatePem);
        Assert.Equal("ws1", (await client.GetWorkspaceAsync(Ws)).Name);
    }

    [Fact]
    public async Task A_server_certificate_from_another_CA_is_refused_before_the_token_is_sent()
    {
        await using var fake = await FakeArm.StartAsync((_, _) => new FakeResponse(200, WorkspaceBody), TestCertificates.Other);
        using var client = ClientFor(fake.Url, TestCertificates.PemOf(TestCertificates.Loopback));
        var error = await Assert.ThrowsAsync<ArmConnectionFailedException>(() => client.GetWorkspaceAsync(Ws));
        Assert.Equal(0, error.Status);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Without_a_CA_the_system_trust_store_applies_and_a_self_signed_server_is_refused()
    {
        await using var fake = await FakeArm.StartAsync((_, _) => new FakeResponse(200, WorkspaceBody));
        using var client = ClientFor(fake.Url, null);
        await Assert.ThrowsAsync<ArmConnectionFailedException>(() => client.GetWorkspaceAsync(Ws));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_certificate_for_another_name_is_refused_even_from_the_trusted_CA()
    {
        await using var fake = await FakeArm.StartAsync((_, _) => new FakeResponse(200, WorkspaceBody));
        // The certificate names 127.0.0.1 only; "localhost" reaches the same server under another name.
        using var client = ClientFor(fake.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal), fake.CaCertificatePem);
        await Assert.ThrowsAsync<ArmConnectionFailedException>(() => client.GetWorkspaceAsync(Ws));
        Assert.Empty(fake.Requests);
    }
}
