using System.Globalization;
using Mnet.Cli.Parsing;
using Mnet.Emulator;

namespace Mnet.Cli.Commands;

/// <summary><c>mnet emulator</c>: the local ARM emulator over HTTPS on 127.0.0.1 until Ctrl-C or SIGTERM.</summary>
public sealed class EmulatorCliCommand : CliCommand
{
    public override string Name => "emulator";
    public override string Summary => "Run the local ARM emulator (HTTPS) until Ctrl-C";
    public override IReadOnlyList<string> Usage => ["mnet emulator [--port 8443] [--scenario empty|demo|scale:N] [--time-scale 600] [--cert-dir .mnet]"];

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("port", "port on 127.0.0.1 (default 8443; 0 picks a free one)", "n"),
        new("scenario", "seed data: empty (default), demo, scale:N", "name"),
        new("time-scale", "emulated seconds per real second (default 600: 30 min in 3 s)", "x"),
        new("cert-dir", "where to write emulator-ca.pem (default .mnet)", "dir"),
    ];

    public override IReadOnlyList<string> Details =>
    [
        "Prints \"emulator ready https://127.0.0.1:PORT\" and \"ca certificate: <path>\", then serves until Ctrl-C.",
        "mnet commands given --endpoint/--ca use a fixed emulator token and move the emulator's clock instead of waiting.",
        "Exit codes: 0 stopped, 2 usage error (or the port is taken), 3 runtime failure.",
    ];

    public override async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Args;
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"emulator takes no positional arguments, got \"{string.Join(' ', args.Positionals)}\"");
        }

        var port = IntOption(args.Value("port"), "port", 8443, 0, 65535);
        var timeScale = PositiveOption(args.Value("time-scale"), "time-scale", 600);
        var scenario = args.Value("scenario") ?? "empty";
        var certDir = args.Value("cert-dir") ?? ".mnet";
        var code = await EmulatorCommand.RunAsync(
            port, scenario, timeScale, certDir, context.Io.Out, context.Cancellation, context.Io.Error, "mnet: ");
        if (code == ExitCode.Ok)
        {
            context.Err("emulator: stopped");
        }

        return code;
    }

    private static int IntOption(string? value, string name, int fallback, int min, int max)
    {
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}, got \"{value}\"");
    }

    private static double PositiveOption(string? value, string name, double fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0 && double.IsFinite(x)
            ? x
            : throw new UsageException($"--{name} must be a positive number, got \"{value}\"");
    }
}
