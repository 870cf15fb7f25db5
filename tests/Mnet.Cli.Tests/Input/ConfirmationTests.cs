using Mnet.Cli.Input;

namespace Mnet.Cli.Tests.Input;

public class ConfirmationTests
{
    private static (CliIo Io, StringWriter Err) Io(string? typed, bool terminal)
    {
        var err = new StringWriter { NewLine = "\n" };
        var io = new CliIo(TextWriter.Null, err, false, new Dictionary<string, string?>())
        {
            In = typed is null ? new StringReader("") : new StringReader(typed + "\n"),
            InIsTerminal = terminal,
        };
        return (io, err);
    }

    [Theory]
    [InlineData("y", true)]
    [InlineData(" YES ", true)]
    [InlineData("", false)]
    [InlineData("n", false)]
    [InlineData(null, false)]
    public async Task Y_or_yes_confirms_anything_else_or_end_of_input_declines(string? typed, bool expected)
    {
        var (io, err) = Io(typed, terminal: true);
        Assert.Equal(expected, await Confirmation.AskAsync(io, "Go?", yes: false, "apply", CancellationToken.None));
        Assert.Contains("Go? [y/N] ", err.ToString(), StringComparison.Ordinal);
        if (!expected)
        {
            Assert.Contains(typed is null ? "no answer: nothing was changed" : "not confirmed: nothing was changed", err.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Yes_never_asks()
    {
        var (io, err) = Io(null, terminal: false);
        Assert.True(await Confirmation.AskAsync(io, "Go?", yes: true, "apply", CancellationToken.None));
        Assert.Equal("", err.ToString());
    }

    [Fact]
    public async Task No_terminal_and_no_yes_is_a_usage_error_naming_yes()
    {
        var (io, _) = Io("y", terminal: false);
        var e = await Assert.ThrowsAsync<UsageException>(() => Confirmation.AskAsync(io, "Go?", yes: false, "migrate", CancellationToken.None));
        Assert.Contains("migrate asks for confirmation", e.Message, StringComparison.Ordinal);
        Assert.Contains("--yes", e.Hint, StringComparison.Ordinal);
    }
}
