using System.Globalization;
using Mnet.Cli.Demo;
using Mnet.Cli.Parsing;
using Mnet.Cli.Report;
using Mnet.Core.Policy;
using Mnet.Local;
using Mnet.Local.Serving;

namespace Mnet.Cli.Commands;

/// <summary>
/// <c>mnet demo</c>: the product end to end against the emulator's demo scenario (see <see cref="DemoRunner"/>), one
/// line per phase, then the final scan and the report files. Exit 0 when the final scan finds nothing to act on.
/// </summary>
public sealed class DemoCommand : CliCommand
{
    public override string Name => "demo";
    public override string Summary => "Run the product end to end against the emulator's demo scenario and write reports/demo.{html,md}";
    public override IReadOnlyList<string> Usage => ["mnet demo [--out <dir>] [--policy <file>]"];

    public override IReadOnlyList<OptionSpec> Options =>
    [
        new("out", "where demo.html and demo.md go (default reports)", "dir"),
        new("policy", "policy to enforce (default examples/demo-policy.yaml)", "file"),
        new("time-scale", "how much faster than real time the emulator's clock runs (default 1200)", "x"),
    ];

    public override IReadOnlyList<string> Details =>
    [
        "Everything runs in this process: the ARM emulator on a scaled clock, and the local service as `mnet serve` runs it",
        "(HTTP API and Event Grid webhook on 127.0.0.1, orchestrations on the local engine). The demo is a client of that",
        "API. Nothing in Azure is touched.",
        "Exit codes: 0 final scan compliant, 1 drift left after the run (or the policy is invalid), 2 usage error, 3 runtime failure.",
    ];

    public override async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Args;
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"demo takes no positional arguments, got \"{string.Join(' ', args.Positionals)}\"");
        }

        string outDir = Path.GetFullPath(args.Value("out") ?? "reports");
        double scale = TimeScale(args.Value("time-scale"));
        var style = context.Style;
        context.Out(style.Bold("mnet-autopilot demo: the real workflows against the local ARM emulator (emulated time, no Azure)"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        DemoResult result;
        try
        {
            result = await DemoRunner.RunAsync(new DemoOptions
            {
                OutDir = outDir,
                PolicyPath = args.Value("policy"),
                TimeScale = scale,
                Progress = new ConsoleDemoProgress(context.Io.Out, style, context.Io.OutIsTerminal),
            }, context.Cancellation);
        }
        catch (DemoPolicyException e)
        {
            context.Err($"mnet: {e.Message}");
            foreach (var problem in e.Problems) context.Out(PolicyProblemFormatter.Format(problem));
            return ExitCode.Failed;
        }
        catch (ServeOptionsException e)
        {
            throw new UsageException(e.Message);
        }
        catch (Exception e) when (e is DemoApiException or LocalEngineOptionsException or HttpRequestException or IOException or Mnet.Arm.Errors.ArmException)
        {
            throw new RuntimeFailureException($"demo failed: {e.Message}");
        }

        var final = result.FinalScan.View;
        context.Out("");
        context.Out(style.Bold($"Final scan: {final.Scanned} scanned, {final.InScope} in scope, {final.Compliant} compliant, " +
            $"{final.Drifted} drifted, {final.Refused} refused, {final.Skipped} skipped"));
        context.Out(result.Clean ? style.Green("Every in-scope workspace is compliant.") : style.Red("Drift is left: see the report."));
        context.Out(string.Create(CultureInfo.InvariantCulture,
            $"Emulated {ReportFormat.Duration(result.Report.Emulated)} in {started.Elapsed.TotalSeconds:0.0} s (real); run at {ReportFormat.Time(result.Report.StartedAt)}."));
        context.Out($"Report: {DemoRunner.Shown(result.HtmlPath)}");
        context.Out($"        {DemoRunner.Shown(result.MarkdownPath)}");
        return result.Clean ? ExitCode.Ok : ExitCode.Failed;
    }

    static double TimeScale(string? value) => value is null ? DemoOptions.DefaultTimeScale
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x >= 1 && x <= 100_000 ? x
        : throw new UsageException($"--time-scale must be a number from 1 to 100000, got \"{value}\"");
}
