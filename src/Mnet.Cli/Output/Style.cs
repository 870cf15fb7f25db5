namespace Mnet.Cli.Output;

/// <summary>Colors only on a terminal with NO_COLOR unset (https://no-color.org) and TERM not dumb.</summary>
public sealed class Style(bool enabled)
{
    public bool Enabled { get; } = enabled;

    public static Style For(CliIo io) =>
        new(io.OutIsTerminal && string.IsNullOrEmpty(io.Env("NO_COLOR")) && io.Env("TERM") != "dumb");

    public string Bold(string text) => Sgr(text, 1, 22);
    public string Dim(string text) => Sgr(text, 2, 22);
    public string Red(string text) => Sgr(text, 31, 39);
    public string Yellow(string text) => Sgr(text, 33, 39);
    public string Green(string text) => Sgr(text, 32, 39);
    public string Cyan(string text) => Sgr(text, 36, 39);
    public string Magenta(string text) => Sgr(text, 35, 39);

    private string Sgr(string text, int open, int close) => Enabled ? $"\u001b[{open}m{text}\u001b[{close}m" : text;
}
