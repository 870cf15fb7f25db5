using System.Security.Cryptography.X509Certificates;
using Mnet.Emulator.Tests.Support;
using Mnet.Emulator.Tls;

namespace Mnet.Emulator.Tests.Tls;

public sealed class CertificateTests
{
    [Theory]
    [InlineData(0x00)]
    [InlineData(0x01)]
    [InlineData(0x05)]
    [InlineData(0x7f)]
    [InlineData(0x80)]
    [InlineData(0xfe)]
    [InlineData(0xff)]
    public void Serials_are_positive_and_minimally_encoded_whatever_the_random_bytes(int first)
    {
        var random = new byte[16];
        random[0] = (byte)first;
        var serial = CertificateSerial.FromRandom(random);
        Assert.InRange(serial[0], 0x01, 0x7f);
        Assert.Equal(16, serial.Length);
    }

    [Fact]
    public void A_generated_server_certificate_parses_chains_to_the_CA_and_covers_127_0_0_1()
    {
        var certs = CertificateFactory.Create(DateTimeOffset.UtcNow);
        using var reparsed = X509CertificateLoader.LoadCertificate(certs.Server.RawData);
        Assert.False(reparsed.SerialNumber.StartsWith("00", StringComparison.Ordinal));
        Assert.True(reparsed.MatchesHostname("127.0.0.1"));
        Assert.True(certs.Server.HasPrivateKey);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(certs.Ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(reparsed));
        Assert.Contains("BEGIN CERTIFICATE", certs.CaPem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_trusting_only_the_CA_gets_an_answer_and_an_untrusting_client_is_refused()
    {
        await using var emu = await TestEmulator.StartAsync();
        var res = await emu.Get($"/subscriptions/{Wire.Sub}/resourcegroups/none?api-version=2021-04-01");
        Assert.NotEqual(0, res.Status);
        Assert.StartsWith("https://127.0.0.1:", emu.Emulator.BaseUrl, StringComparison.Ordinal);
        using var untrusting = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync(emu.Emulator.Url));
    }
}
