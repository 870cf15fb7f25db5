using Mnet.Cli.Commands;
using Mnet.Cli.Parsing;

namespace Mnet.Cli;

/// <summary>Help, generated from the command table so a new command documents itself.</summary>
public static class HelpText
{
    public static IReadOnlyList<string> Overview()
    {
        var width = CommandTable.All.Max(c => c.Name.Length);
        return
        [
            "mnet: keep Azure ML workspaces and AI Foundry hubs inside their managed network policy",
            "",
            "Usage: mnet <command> [options]",
            "",
            "Commands:",
            .. CommandTable.All.Select(c => $"  {c.Name.PadRight(width)}  {c.Summary}"),
            "",
            "Options:",
            .. OptionLines(CommonOptions.Global),
            "",
            "",
            "Where they apply: --json (plan, drift), --yes and --dry-run (apply, migrate), --endpoint <url> --ca <pem-file>",
            "(an emulator; without them Azure, signed in with DefaultAzureCredential).",
            "",
            "Exit codes: 0 ok, 1 a negative verdict (policy invalid, drift found, refused, out of scope, declined),",
            "2 usage error, 3 runtime failure.",
        ];
    }

    public static IReadOnlyList<string> For(CliCommand command)
    {
        var lines = new List<string> { command.Summary, "" };
        lines.AddRange(command.Usage.Select((u, i) => (i == 0 ? "Usage: " : "       ") + u));
        lines.Add("");
        lines.Add("Options:");
        lines.AddRange(OptionLines([.. command.Options, .. CommonOptions.Global]));
        if (command.Details.Count > 0)
        {
            lines.Add("");
            lines.AddRange(command.Details);
        }

        return lines;
    }

    private static IEnumerable<string> OptionLines(IReadOnlyList<OptionSpec> options)
    {
        var width = options.Max(o => o.Synopsis.Length);
        return options.Select(o => $"  {o.Synopsis.PadRight(width)}  {o.Description}");
    }
}
