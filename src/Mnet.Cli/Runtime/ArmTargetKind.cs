namespace Mnet.Cli.Runtime;

/// <summary>Who answers the CLI's ARM calls.</summary>
public enum ArmTargetKind
{
    /// <summary>Azure (or a sovereign cloud) with DefaultAzureCredential.</summary>
    Azure,

    /// <summary>A local emulator: its fixed token, its CA, its admin clock.</summary>
    Emulator,
}
