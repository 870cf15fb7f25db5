using Mnet.Cli.Demo;
using Mnet.Cli.Output;

namespace Mnet.Cli.Tests.Demo;

/// <summary>The demo's progress: plain lines when not on a terminal (status updates dropped), emulated time labelled.</summary>
public sealed class ConsoleDemoProgressTests
{
    [Fact]
    public void Off_a_terminal_each_phase_is_two_plain_lines_with_emulated_and_real_time_labelled()
    {
        var output = new StringWriter { NewLine = "\n" };
        var progress = new ConsoleDemoProgress(output, new Style(false), terminal: false);
        progress.PhaseStarted("Timer: drift scan");
        progress.Status("waiting");
        progress.PhaseFinished("Timer: drift scan", true, "8 scanned", TimeSpan.FromMinutes(16), TimeSpan.FromMilliseconds(800));
        progress.PhaseStarted("Ticket INC-1");
        progress.PhaseFinished("Ticket INC-1", false, "boom", TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal("\u2713 Timer: drift scan\n  8 scanned (16m emulated, 800 ms real)\n\u2717 Ticket INC-1\n  boom (0s emulated, 2.0 s real)\n", output.ToString());
    }

    [Fact]
    public void On_a_terminal_the_status_line_is_replaced_by_the_phase_line()
    {
        var output = new StringWriter { NewLine = "\n" };
        var progress = new ConsoleDemoProgress(output, new Style(false), terminal: true);
        progress.PhaseStarted("Timer: drift scan");
        progress.Status("mnet-drift-1: running");
        progress.PhaseFinished("Timer: drift scan", true, "done", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(10));
        string text = output.ToString();
        Assert.Contains("\r\u2026 Timer: drift scan: mnet-drift-1: running", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\u2713 Timer: drift scan\n  done (30s emulated, 10 ms real)\n", text, StringComparison.Ordinal);
    }
}
