using Mnet.Cli.Output;
using Mnet.Cli.Report;

namespace Mnet.Cli.Demo;

/// <summary>
/// The demo's progress on the console: one line per phase when it ends; on a terminal, a status line that shows
/// what the phase is doing (emulated time labelled as such) and is replaced by the phase's line.
/// </summary>
public sealed class ConsoleDemoProgress(TextWriter output, Style style, bool terminal) : IDemoProgress
{
    readonly object gate = new();
    string current = "";
    int shown;

    public void PhaseStarted(string title)
    {
        lock (gate)
        {
            current = title;
            if (terminal) Show($"\u2026 {title}");
        }
    }

    public void Status(string text)
    {
        if (!terminal) return;
        lock (gate) Show($"\u2026 {Clip($"{current}: {text}", 110)}");
    }

    public void PhaseFinished(string title, bool ok, string summary, TimeSpan emulated, TimeSpan real)
    {
        lock (gate)
        {
            if (terminal) Show("");
            string mark = ok ? style.Green("\u2713") : style.Red("\u2717");
            output.WriteLine($"{mark} {title}");
            output.WriteLine($"  {summary} {style.Dim($"({ReportFormat.Duration(emulated)} emulated, {ReportFormat.Real(real)} real)")}");
            shown = 0;
        }
    }

    void Show(string text)
    {
        output.Write("\r" + text.PadRight(shown) + (text.Length < shown ? "\r" + text : ""));
        if (text.Length == 0) output.Write("\r");
        shown = text.Length;
        output.Flush();
    }

    static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "\u2026";
}
