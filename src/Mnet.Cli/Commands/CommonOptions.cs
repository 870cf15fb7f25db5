using Mnet.Cli.Parsing;

namespace Mnet.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static readonly IReadOnlyList<OptionSpec> Global =
    [
        new("help", "show help (mnet <command> --help for a command)", Short: 'h'),
        new("version", "print the version", Short: 'V'),
        new("verbose", "more detail on errors", Short: 'v'),
    ];

    /// <summary>Where ARM is and which CA to trust (the emulator's).</summary>
    public static readonly IReadOnlyList<OptionSpec> Arm =
    [
        new("endpoint", "ARM endpoint; a local emulator (https://127.0.0.1:PORT) uses a fixed token, Azure needs none of this", "url"),
        new("ca", "CA certificate to trust for --endpoint (the emulator prints its path)", "pem-file"),
    ];

    public static readonly OptionSpec Policy = new("policy", "policy file (YAML or JSON)", "file");

    public static readonly OptionSpec Workspace = new("workspace", "workspace resource id", "id");

    /// <summary>What <c>apply</c> and <c>migrate</c> share.</summary>
    public static readonly IReadOnlyList<OptionSpec> Act =
    [
        Policy,
        Workspace,
        new("yes", "do not ask for confirmation (the plan is still printed)", Short: 'y'),
        new("dry-run", "run the orchestration in dry-run mode: plan and report, never write"),
    ];
}
