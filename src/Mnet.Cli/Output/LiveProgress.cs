namespace Mnet.Cli.Output;

/// <summary>
/// Progress of a long command. Finished steps are permanent lines on standard output. On a terminal (not CI, not
/// --json) a status line under them is redrawn with a spinner, the running phase and the time passed (real, and
/// emulated when an emulator's clock is driven, labelled as such); anywhere else nothing is redrawn.
/// </summary>
public sealed class LiveProgress : IAsyncDisposable
{
    private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private readonly TextWriter output;
    private readonly Style style;
    private readonly Lock gate = new();
    private readonly ITimer? timer;
    private string status = "";
    private int frame;
    private bool drawn;

    public LiveProgress(CliIo io, Style style, bool json)
    {
        ArgumentNullException.ThrowIfNull(io);
        output = io.Out;
        this.style = style;
        Animated = io.OutIsTerminal && !json && string.IsNullOrEmpty(io.Env("CI")) && io.Env("TERM") != "dumb";
        if (Animated)
        {
            timer = TimeProvider.System.CreateTimer(_ => Draw(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>True when a status line is drawn (a terminal); false: plain lines only.</summary>
    public bool Animated { get; }

    /// <summary>Replaces the status line's text (ignored when not animated).</summary>
    public void Status(string text)
    {
        lock (gate)
        {
            status = text;
        }
    }

    /// <summary>A permanent line (the status line is cleared first and redrawn after).</summary>
    public void Line(string text)
    {
        lock (gate)
        {
            Clear();
            output.WriteLine(text);
        }
    }

    internal void Draw()
    {
        lock (gate)
        {
            if (status.Length == 0)
            {
                return;
            }

            output.Write($"\r\u001b[2K{style.Cyan(Frames[frame++ % Frames.Length])} {status}");
            output.Flush();
            drawn = true;
        }
    }

    private void Clear()
    {
        if (drawn)
        {
            output.Write("\r\u001b[2K");
            drawn = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (timer is not null)
        {
            await timer.DisposeAsync();
        }

        lock (gate)
        {
            Clear();
            status = "";
        }
    }
}
