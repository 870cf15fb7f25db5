using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Mnet.Service.Configuration;

namespace Mnet.Local.Serving;

/// <summary>
/// How <c>mnet serve</c> runs: the app's policy, where it listens, which ARM it talks to, where the engine and the
/// tickets live. Defaults: 127.0.0.1, in-memory engine and tickets, Azure with the developer's credential.
/// </summary>
public sealed record ServeOptions
{
    /// <summary>The app's policy file (MNET_POLICY_PATH); its folder holds the named policies (MNET_POLICY_DIR).</summary>
    public required string PolicyPath { get; init; }

    /// <summary>Port on <see cref="Address"/>; 0 lets the OS pick one (the server reports it).</summary>
    public int Port { get; init; } = 7071;

    /// <summary>127.0.0.1 unless an operator says otherwise, and then only with a <see cref="Key"/>.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The function key callers must send (x-functions-key header or code query); required off loopback.</summary>
    public string? Key { get; init; }

    /// <summary>ARM endpoint: null for Azure; the emulator's https://127.0.0.1:PORT with <see cref="CaFile"/>.</summary>
    public Uri? ArmEndpoint { get; init; }

    /// <summary>PEM file of the emulator's CA (with <see cref="ArmEndpoint"/> only).</summary>
    public string? CaFile { get; init; }

    /// <summary>Subscriptions the server may act on; empty: the policy scope's.</summary>
    public IReadOnlyList<string> Subscriptions { get; init; } = [];

    /// <summary>Azure Storage connection string: the engine's task hub and the tickets table live there; null: memory.</summary>
    public string? Store { get; init; }

    public string TaskHub { get; init; } = "MnetServe";

    /// <summary>Where snapshots and drift reports are written (MNET_SNAPSHOT_DIR).</summary>
    public string DocumentsFolder { get; init; } = Path.Combine(".mnet", "snapshots");

    /// <summary>How much faster than real time ARM's clock runs (the emulator's --time-scale); 1 for Azure.</summary>
    public double TimeScale { get; init; } = 1;

    public int MaxBodyBytes { get; init; } = 262_144;

    /// <summary>NCRONTAB schedule of the drift timer (MNET_DRIFT_SCHEDULE's default: every 6 hours); null: no timer.</summary>
    public string? DriftSchedule { get; init; } = DefaultDriftSchedule;

    /// <summary>MNET_DRIFT_SCHEDULE's default (the settings catalog's).</summary>
    public static string DefaultDriftSchedule => SettingCatalog.Find(SettingNames.DriftSchedule)!.DefaultValue;

    /// <summary>Level of the standard-error log used when no <see cref="LoggerFactory"/> is given.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Where the server and its engine log (the caller owns it); null: <see cref="LogLevel"/> to standard error.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Test hook: adjust the web host before it is built (e.g. an in-memory test server).</summary>
    public Action<WebApplicationBuilder>? ConfigureWeb { get; init; }

    /// <summary>Checks every option; throws <see cref="ServeOptionsException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(PolicyPath)) throw new ServeOptionsException("policy", "is required");
        if (Port is < 0 or > 65535) throw new ServeOptionsException("port", $"must be from 0 to 65535, got {Port}");
        if (!IPAddress.IsLoopback(Address) && string.IsNullOrEmpty(Key))
        {
            throw new ServeOptionsException("host", $"{Address} is not a loopback address: serving beyond this machine needs --key");
        }

        if (Key is { } key && (key.Length < 16 || key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            throw new ServeOptionsException("key", "must be at least 16 characters, without spaces");
        }

        if (ArmEndpoint is { } endpoint && endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ServeOptionsException("endpoint", $"must be an https URL, got {endpoint}");
        }

        if (CaFile is not null && ArmEndpoint is null) throw new ServeOptionsException("ca", "needs --endpoint");
        if (!(TimeScale > 0) || !double.IsFinite(TimeScale)) throw new ServeOptionsException("time-scale", $"must be a positive number, got {TimeScale}");
        if (Store is not null && string.IsNullOrWhiteSpace(Store)) throw new ServeOptionsException("store", "is blank");
        if (DriftSchedule is not null && SettingValidators.Ncrontab(DriftSchedule) is { } problem)
        {
            throw new ServeOptionsException("drift-schedule", problem);
        }
    }
}
