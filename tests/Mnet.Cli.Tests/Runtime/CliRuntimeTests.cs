using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Cli.Runtime;
using Mnet.Cli.Tests.Support;
using Mnet.Workflows.Contracts;

namespace Mnet.Cli.Tests.Runtime;

public class CliRuntimeTests(SharedEmulator shared) : IClassFixture<SharedEmulator>
{
    [Fact]
    public async Task Against_Azure_time_is_real_the_timings_are_productions_and_no_clock_is_driven()
    {
        var target = new ArmTarget(ArmTargetKind.Azure, ArmClientOptions.AzureEndpoint);
        await using var runtime = CliRuntime.Create(target, new ArmClient(new ArmClientOptions
        {
            Endpoint = ArmClientOptions.AzureEndpoint,
            Credential = new StaticTokenCredential(),
        }), admin: null);
        Assert.Null(runtime.Timings);
        Assert.Equal(WorkflowTimings.Production.TimeScale, (runtime.Timings ?? WorkflowTimings.Production).TimeScale);
        Assert.Same(TimeProvider.System, runtime.ArmClock);
        Assert.Null(runtime.Emulated);
        Assert.Null(runtime.DriveClock());
        Assert.Null(await runtime.EmulatorNowAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Against_an_emulator_the_waits_shrink_by_the_scale_and_its_clock_is_read()
    {
        var fx = shared.Emulator;
        var target = new ArmTarget(ArmTargetKind.Emulator, new Uri(fx.Url), fx.Emulator.CaCertificatePem);
        await using var runtime = await CliRuntime.ConnectAsync(target, new CliIo(TextWriter.Null, TextWriter.Null, false, new Dictionary<string, string?>()), CancellationToken.None);
        Assert.Equal(CliRuntime.EmulatorTimeScale, runtime.Timings!.TimeScale);
        Assert.Equal(TimeSpan.FromSeconds(3), runtime.Timings.Wall(TimeSpan.FromMinutes(30)));
        Assert.Equal(fx.Clock.GetUtcNow(), await runtime.EmulatorNowAsync(CancellationToken.None));
    }
}
