using Mnet.Cli.Output;

namespace Mnet.Cli.Tests.Output;

public class LiveProgressTests
{
    private static (CliIo Io, StringWriter Out) Io(bool terminal, string? ci = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        return (new CliIo(output, TextWriter.Null, terminal, new Dictionary<string, string?> { ["CI"] = ci }), output);
    }

    [Theory]
    [InlineData(false, null, false)]
    [InlineData(true, "true", false)]
    [InlineData(true, null, true)]
    public async Task Writes_one_finished_line_per_step_with_no_redraw_codes_when_not_a_terminal(bool terminal, string? ci, bool json)
    {
        var (io, output) = Io(terminal, ci);
        var progress = new LiveProgress(io, new Style(false), json);
        Assert.False(progress.Animated);
        progress.Status("reading");
        progress.Line("✔ Scan: 3 found");
        progress.Line("✖ Broken: boom");
        await progress.DisposeAsync();
        Assert.Equal("✔ Scan: 3 found\n✖ Broken: boom\n", output.ToString());
    }

    [Fact]
    public async Task Animates_on_a_terminal_and_clears_the_status_line_before_a_finished_line()
    {
        var (io, output) = Io(terminal: true);
        var progress = new LiveProgress(io, new Style(false), json: false);
        Assert.True(progress.Animated);
        progress.Status("Wait · 3.0 s real · emulated +31 min");
        progress.Draw();
        progress.Line("✔ Wait: done");
        await progress.DisposeAsync();
        var text = output.ToString();
        Assert.StartsWith("\r\u001b[2K", text, StringComparison.Ordinal);
        Assert.Contains(" Wait · 3.0 s real · emulated +31 min", text, StringComparison.Ordinal);
        Assert.Contains("\r\u001b[2K✔ Wait: done\n", text, StringComparison.Ordinal);
    }
}
