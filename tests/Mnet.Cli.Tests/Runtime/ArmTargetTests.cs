using Mnet.Cli.Parsing;
using Mnet.Cli.Runtime;

namespace Mnet.Cli.Tests.Runtime;

public class ArmTargetTests
{
    private static ParsedArgs Args(params (string Name, string Value)[] values) =>
        new([], values.ToDictionary(v => v.Name, v => v.Value), new HashSet<string>());

    [Fact]
    public void No_endpoint_is_Azure_a_loopback_one_the_emulator_and_elsewhere_without_ca_Azure_again()
    {
        var azure = ArmTarget.Resolve(Args());
        Assert.Equal((ArmTargetKind.Azure, "https://management.azure.com"), (azure.Kind, azure.Origin));
        var emulator = ArmTarget.Resolve(Args(("endpoint", "https://127.0.0.1:8443/")));
        Assert.Equal((ArmTargetKind.Emulator, "https://127.0.0.1:8443"), (emulator.Kind, emulator.Origin));
        var sovereign = ArmTarget.Resolve(Args(("endpoint", "https://management.chinacloudapi.cn")));
        Assert.Equal(ArmTargetKind.Azure, sovereign.Kind);
        Assert.Throws<UsageException>(() => ArmTarget.Resolve(Args(("endpoint", "management.azure.com"))));
    }

    [Fact]
    public void A_ca_makes_any_endpoint_the_emulator_and_must_be_a_readable_pem()
    {
        var dir = Directory.CreateTempSubdirectory("mnet-ca-").FullName;
        var pem = Path.Combine(dir, "ca.pem");
        File.WriteAllText(pem, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        var pinned = ArmTarget.Resolve(Args(("endpoint", "https://emulator.internal:9443"), ("ca", pem)));
        Assert.Equal(ArmTargetKind.Emulator, pinned.Kind);
        Assert.Contains("BEGIN CERTIFICATE", pinned.CaPem, StringComparison.Ordinal);
        var notPem = Path.Combine(dir, "x.txt");
        File.WriteAllText(notPem, "hello");
        Assert.Contains("not a PEM certificate", Assert.Throws<UsageException>(
            () => ArmTarget.Resolve(Args(("endpoint", "https://127.0.0.1:1"), ("ca", notPem)))).Message, StringComparison.Ordinal);
        Assert.Contains("--ca needs --endpoint", Assert.Throws<UsageException>(() => ArmTarget.Resolve(Args(("ca", pem)))).Message, StringComparison.Ordinal);
        Assert.Contains("must be https", Assert.Throws<UsageException>(
            () => ArmTarget.Resolve(Args(("endpoint", "http://127.0.0.1:1")))).Message, StringComparison.Ordinal);
    }
}
