namespace Mnet.Emulator.Ml.Computes;

/// <summary>A compute instance power action: the states it starts from, passes through and ends in.</summary>
public sealed record PowerAction(string Name, IReadOnlyList<string> From, string During, string To)
{
    public static PowerAction Start { get; } = new("start", ["Stopped"], "Starting", "Running");

    public static PowerAction Stop { get; } = new("stop", ["Running"], "Stopping", "Stopped");

    public static PowerAction Restart { get; } = new("restart", ["Running"], "Restarting", "Running");
}
