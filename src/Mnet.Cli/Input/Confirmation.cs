namespace Mnet.Cli.Input;

/// <summary>
/// Asking before acting: <c>apply</c> and <c>migrate</c> show the plan, then ask y/N on the terminal. Without a
/// terminal (CI, a pipe) and without --yes nobody can answer, so the command refuses (exit 2) instead of guessing.
/// </summary>
public static class Confirmation
{
    /// <returns>True when confirmed (or --yes); false when declined (a line says nothing changed).</returns>
    /// <exception cref="UsageException">No terminal to ask on and no --yes.</exception>
    public static async Task<bool> AskAsync(CliIo io, string question, bool yes, string command, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(io);
        if (yes)
        {
            return true;
        }

        if (io.In is null || !io.InIsTerminal)
        {
            throw new UsageException(
                $"{command} asks for confirmation before changing anything, and no terminal is attached to answer it",
                "review the plan (mnet plan / --dry-run), then run again with --yes to apply it without asking");
        }

        io.Error.Write($"{question} [y/N] ");
        io.Error.Flush();
        var answer = (await io.In.ReadLineAsync(cancellation))?.Trim().ToLowerInvariant();
        if (answer is "y" or "yes")
        {
            return true;
        }

        io.Error.WriteLine(answer is null ? "no answer: nothing was changed" : "not confirmed: nothing was changed");
        return false;
    }
}
