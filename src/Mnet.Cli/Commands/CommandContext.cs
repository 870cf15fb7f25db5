using Mnet.Cli.Output;
using Mnet.Cli.Parsing;

namespace Mnet.Cli.Commands;

/// <summary>What a command gets when it runs.</summary>
public sealed record CommandContext(ParsedArgs Args, CliIo Io, Style Style, bool Verbose, CancellationToken Cancellation)
{
    public void Out(string line) => Io.Out.WriteLine(line);

    public void Err(string line) => Io.Error.WriteLine(line);
}
