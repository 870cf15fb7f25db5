namespace Mnet.Cli.Demo;

public sealed class SilentDemoProgress : IDemoProgress
{
    public static readonly SilentDemoProgress Instance = new();

    public void PhaseStarted(string title)
    {
    }

    public void Status(string text)
    {
    }

    public void PhaseFinished(string title, bool ok, string summary, TimeSpan emulated, TimeSpan real)
    {
    }
}
