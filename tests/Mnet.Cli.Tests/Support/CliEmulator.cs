using Microsoft.Extensions.Time.Testing;
using Mnet.Emulator;
using Mnet.Emulator.Recording;
using Mnet.Emulator.Time;

namespace Mnet.Cli.Tests.Support;

/// <summary>
/// An in-process emulator on a virtual clock (only the CLI's clock pump moves it), its CA written to a temp folder
/// (what --ca points at), and that folder for snapshots.
/// </summary>
public sealed class CliEmulator : IAsyncDisposable
{
    public const string S1 = "00000000-0000-0000-0000-000000000001";

    private CliEmulator(RunningEmulator emulator, FakeTimeProvider clock, string dir, string caPath)
    {
        Emulator = emulator;
        Clock = clock;
        Dir = dir;
        CaPath = caPath;
    }

    public RunningEmulator Emulator { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>A temp folder: the CA file, snapshots (MNET_SNAPSHOT_DIR), other files.</summary>
    public string Dir { get; }

    public string CaPath { get; }

    public string Url => Emulator.BaseUrl;

    /// <summary>--endpoint URL --ca PATH.</summary>
    public string[] Target => ["--endpoint", Url, "--ca", CaPath];

    public static string Ws(string rg, string name) =>
        $"/subscriptions/{S1}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{name}";

    public static async Task<CliEmulator> StartAsync(string scenario = "demo")
    {
        var dir = Directory.CreateTempSubdirectory("mnet-cli-test-").FullName;
        var clock = new FakeTimeProvider(EmulatorClock.DefaultVirtualStart);
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Scenario = scenario, TimeProvider = clock });
        var caPath = Path.Combine(dir, "emulator-ca.pem");
        await File.WriteAllTextAsync(caPath, emulator.CaCertificatePem);
        return new CliEmulator(emulator, clock, dir, caPath);
    }

    /// <summary>Environment for apply / migrate: a user, and snapshots in this fixture's folder.</summary>
    public Dictionary<string, string?> Env(string user = "alice") => new()
    {
        ["USER"] = user,
        ["MNET_SNAPSHOT_DIR"] = Path.Combine(Dir, "snapshots"),
    };

    /// <summary>Every ARM write so far (Resource Graph queries are reads).</summary>
    public IReadOnlyList<RecordedRequest> Writes() =>
        Emulator.Requests.List()
            .Where(r => r.Method != "GET" && !r.Path.StartsWith("/providers/Microsoft.ResourceGraph", StringComparison.OrdinalIgnoreCase))
            .ToList();

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the system later.
        }
    }
}
