using Microsoft.Extensions.DependencyInjection;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Emulator;
using Mnet.Emulator.Time;
using Mnet.Local;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Stores;

namespace Mnet.Bench.Migration;

/// <summary>
/// One emulator (empty scenario, the migration latencies) on a scaled clock, the real ARM client with the production
/// ceilings (5 writes/s, 20 requests/s per subscription, paced) on that clock, and the in-process engine running the
/// product's orchestrations with waits scaled to match.
/// </summary>
public sealed class MigrationRig : IAsyncDisposable
{
    readonly string folder;

    MigrationRig(RunningEmulator emulator, ArmClient arm, ScaledTimeProvider clock, string folder, double scale)
    {
        Emulator = emulator;
        Arm = arm;
        Clock = clock;
        this.folder = folder;
        Timings = new WorkflowTimings { TimeScale = scale };
    }

    public RunningEmulator Emulator { get; }

    public ArmClient Arm { get; }

    public ScaledTimeProvider Clock { get; }

    public WorkflowTimings Timings { get; }

    public LocalEngine? Engine { get; private set; }

    public static async Task<MigrationRig> StartAsync(double scale, bool withEngine)
    {
        var clock = new ScaledTimeProvider(scale);
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            Scenario = "empty",
            TimeProvider = clock,
            Durations = MigrationScenario.Durations,
        });
        var timers = new ScaledTimers(clock);
        var arm = new ArmClient(new ArmClientOptions
        {
            Endpoint = emulator.Url,
            Credential = new StaticTokenCredential(),
            CaCertificatePem = emulator.CaCertificatePem,
            TimeProvider = timers,
        });
        string folder = Directory.CreateTempSubdirectory("mnet-bench-migration-").FullName;
        var rig = new MigrationRig(emulator, arm, clock, folder, scale);
        if (!withEngine) return rig;
        try
        {
            rig.Engine = await LocalEngine.StartAsync(new LocalEngineOptions(), r => r.AddMnetWorkflows(), services =>
            {
                services.AddSingleton<IArmClient>(arm);
                services.AddSingleton<IDocumentStore>(new FolderDocumentStore(Path.Combine(folder, "store")));
                services.AddSingleton<TimeProvider>(timers);
                services.AddMnetActivities(new WorkflowSettings());
            });
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }

        return rig;
    }

    public async ValueTask DisposeAsync()
    {
        if (Engine is not null) await Engine.DisposeAsync();
        Arm.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a late write; the OS temp cleanup takes it
        }
    }
}
