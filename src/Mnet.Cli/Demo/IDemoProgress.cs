namespace Mnet.Cli.Demo;

/// <summary>Where the demo reports its progress: the CLI prints it; tests pass <see cref="SilentDemoProgress"/>.</summary>
public interface IDemoProgress
{
    void PhaseStarted(string title);

    /// <summary>What the phase is doing right now (a status line on a terminal; may be ignored).</summary>
    void Status(string text);

    void PhaseFinished(string title, bool ok, string summary, TimeSpan emulated, TimeSpan real);
}
