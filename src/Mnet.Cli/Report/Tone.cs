namespace Mnet.Cli.Report;

/// <summary>How a status word is colored.</summary>
public enum Tone
{
    Good,
    Idle,
    Busy,
    Bad,
}
