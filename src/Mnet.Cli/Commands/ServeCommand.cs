using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Mnet.Cli.Parsing;
using Mnet.Local;
using Mnet.Local.Serving;

namespace Mnet.Cli.Commands;

/// <summary>
/// <c>mnet serve</c>: the app's HTTP API and Event Grid webhook on 127.0.0.1, over the local engine, against the
/// emulator or Azure, until Ctrl-C or SIGTERM.
/// </summary>
public sealed class ServeCommand : CliCommand
{
    public override string Name => "serve";
    public override string Summary => "Serve the app's HTTP API and Event Grid webhook locally (the local engine) until Ctrl-C";

    public override IReadOnlyList<string> Usage =>
    [
        "mnet serve --policy <file> [--port 7071] [--endpoint <url> --ca <pem-file>] [--subscriptions <id,...>] [--store <connection>]",
    ];

    public override IReadOnlyList<OptionSpec> Options =>
    [
        CommonOptions.Policy,
        new("port", "port (default 7071; 0 picks a free one)", "n"),
        .. CommonOptions.Arm,
        new("subscriptions", "subscriptions the server may act on (default: the policy scope's)", "ids"),
        new("store", "Azure Storage connection string (e.g. UseDevelopmentStorage=true): durable task hub and tickets table there instead of in memory", "connection"),
        new("drift-schedule", "NCRONTAB (six fields) of the drift timer, as MNET_DRIFT_SCHEDULE (default every 6 hours)", "cron"),
        new("time-scale", "the emulator's --time-scale, so durable waits match its clock (default 1)", "x"),
        new("host", "address to bind instead of 127.0.0.1 (needs --key)", "ip"),
        new("key", "function key callers must send (x-functions-key header or code query); required with --host", "key"),
    ];

    public override IReadOnlyList<string> Details =>
    [
        "Same routes as the Functions app under /api/v1 (requests, approve/reject, workspaces, plan, drift, migrations/{id}/resume,",
        "events). Approvals are in function-key mode: the body's approver is recorded as declared (authenticatedAs function-key).",
        "Prints \"mnet serve listening on http://127.0.0.1:PORT\" when ready; Ctrl-C or SIGTERM stops it cleanly.",
        "Exit codes: 0 stopped, 2 usage error (bad option, unreadable policy, port taken), 3 runtime failure.",
    ];

    public override async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Args;
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"serve takes no positional arguments, got \"{string.Join(' ', args.Positionals)}\"");
        }

        var options = new ServeOptions
        {
            PolicyPath = args.Value("policy") ?? throw new UsageException("serve needs --policy <file>"),
            Port = Port(args.Value("port")),
            Address = Host(args.Value("host")),
            Key = args.Value("key"),
            ArmEndpoint = Endpoint(args.Value("endpoint")),
            CaFile = args.Value("ca"),
            Subscriptions = (args.Value("subscriptions") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Store = args.Value("store"),
            TimeScale = TimeScale(args.Value("time-scale")),
            DriftSchedule = args.Value("drift-schedule") ?? ServeOptions.DefaultDriftSchedule,
            // Logs go to standard error; standard output carries the "listening" line only.
            LogLevel = context.Verbose ? LogLevel.Information : LogLevel.Warning,
        };

        LocalServer server;
        try
        {
            server = await LocalServer.StartAsync(options, context.Cancellation);
        }
        catch (ServeOptionsException e)
        {
            throw new UsageException(e.Message);
        }
        catch (LocalEngineOptionsException e)
        {
            throw new UsageException(e.Message);
        }
        catch (IOException e) when (IsAddressInUse(e))
        {
            throw new UsageException($"port {options.Port} is already in use; pick another with --port <n> (0: any free port)");
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            return ExitCode.Ok;
        }

        await using (server)
        {
            context.Out($"mnet serve listening on {server.Address.GetLeftPart(UriPartial.Authority)}");
            context.Err($"serve: policy {options.PolicyPath}, subscriptions {string.Join(',', server.Subscriptions)}, " +
                $"engine {(options.Store is null ? "in memory" : "Azure Storage")}, ARM {options.ArmEndpoint?.ToString() ?? "Azure"}");
            try
            {
                await Task.Delay(Timeout.Infinite, context.Cancellation);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C / SIGTERM: stop below.
            }
        }

        context.Err("serve: stopped");
        return ExitCode.Ok;
    }

    static int Port(string? value) => value is null ? 7071
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 65535 ? n
        : throw new UsageException($"--port must be a whole number from 0 to 65535, got \"{value}\"");

    static IPAddress Host(string? value) => value is null ? IPAddress.Loopback
        : IPAddress.TryParse(value, out var address) ? address
        : throw new UsageException($"--host must be an IP address, got \"{value}\"");

    static Uri? Endpoint(string? value) => value is null ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri
        : throw new UsageException($"--endpoint must be a URL, got \"{value}\"");

    static double TimeScale(string? value) => value is null ? 1
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0 && double.IsFinite(x) ? x
        : throw new UsageException($"--time-scale must be a positive number, got \"{value}\"");

    static bool IsAddressInUse(IOException e) =>
        e.InnerException is AddressInUseException
        || e.InnerException?.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse };
}
