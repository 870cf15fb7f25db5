using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Cli.Demo;
using Mnet.TestSupport.Repository;

namespace Mnet.Cli.Tests.Demo;

/// <summary>
/// One demo run (the default policy), kept open so the tests compare the report with the final state read
/// independently: a fresh ARM client on the emulator, and the emulator's own request records.
/// </summary>
public sealed class DemoRunFixture : IAsyncLifetime
{
    public string OutDir { get; } = Directory.CreateTempSubdirectory("mnet-demo-test-").FullName;

    public DemoResult Result { get; private set; } = null!;

    public ArmClient Arm { get; private set; } = null!;

    public DemoEnvironment Environment => Result.Environment!;

    public async Task InitializeAsync()
    {
        Result = await DemoRunner.RunAsync(new DemoOptions
        {
            OutDir = OutDir,
            PolicyPath = RepositoryRoot.Combine("examples", "demo-policy.yaml"),
            KeepOpen = true,
        });
        var emulator = Result.Environment!.Emulator;
        Arm = new ArmClient(new ArmClientOptions
        {
            Endpoint = emulator.Url,
            Credential = new StaticTokenCredential(),
            CaCertificatePem = emulator.CaCertificatePem,
        });
    }

    public async Task DisposeAsync()
    {
        Arm?.Dispose();
        if (Result is not null) await Result.DisposeAsync();
        Directory.Delete(OutDir, recursive: true);
    }
}
