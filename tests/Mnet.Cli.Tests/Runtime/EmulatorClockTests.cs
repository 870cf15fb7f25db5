using Mnet.Cli.Runtime;
using Mnet.Cli.Tests.Support;

namespace Mnet.Cli.Tests.Runtime;

/// <summary>How the CLI makes emulated time pass: the emulator's admin clock, moved by the pump.</summary>
public class EmulatorClockTests(SharedEmulator shared) : IClassFixture<SharedEmulator>
{
    private CliEmulator Fx => shared.Emulator;

    private ArmTarget Target => ArmTarget.Resolve(new Mnet.Cli.Parsing.ParsedArgs([],
        new Dictionary<string, string> { ["endpoint"] = Fx.Url, ["ca"] = Fx.CaPath }, new HashSet<string>()));

    [Fact]
    public async Task The_admin_route_reads_and_moves_the_emulators_clock_never_backwards()
    {
        using var admin = new EmulatorAdmin(Target);
        var now = await admin.NowAsync(CancellationToken.None);
        Assert.Equal(Fx.Clock.GetUtcNow().ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds());
        var later = await admin.AdvanceAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(later - now >= TimeSpan.FromMinutes(1));
        var same = await admin.AdvanceAsync(TimeSpan.FromMinutes(-5), CancellationToken.None);
        Assert.True(same >= later, "a negative advance moves nothing");
    }

    [Fact]
    public async Task The_pump_makes_emulated_time_run_scale_times_faster_than_real_time_and_samples_it()
    {
        using var admin = new EmulatorAdmin(Target);
        var samples = new EmulatedTime();
        var start = Fx.Clock.GetUtcNow();
        var realStart = DateTimeOffset.UtcNow;
        await using (EmulatorClockPump.Start(admin, samples, 600))
        {
            await Task.Delay(500);
        }

        var real = DateTimeOffset.UtcNow - realStart;
        var emulated = Fx.Clock.GetUtcNow() - start;
        // Nothing slept 5 emulated minutes: the clock was moved (by at most 600 x the real time that passed).
        Assert.True(emulated >= TimeSpan.FromMinutes(2), $"{emulated}");
        Assert.True(emulated <= real * 600 + TimeSpan.FromMinutes(1), $"{emulated} after {real}");
        Assert.NotNull(samples.Between(realStart, DateTimeOffset.UtcNow));
    }
}
