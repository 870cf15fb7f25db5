namespace Mnet.Cli.Commands;

/// <summary>Where compute snapshots go (and <c>migrate --resume</c> reads them): MNET_SNAPSHOT_DIR, default .mnet/snapshots.</summary>
public static class SnapshotFolder
{
    public const string Variable = "MNET_SNAPSHOT_DIR";
    public const string Default = ".mnet/snapshots";

    public static string Of(CliIo io)
    {
        ArgumentNullException.ThrowIfNull(io);
        var configured = io.Env(Variable)?.Trim();
        return string.IsNullOrEmpty(configured) ? Default : configured;
    }
}
