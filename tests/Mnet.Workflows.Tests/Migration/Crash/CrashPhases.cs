using System.Text.RegularExpressions;
using Mnet.Emulator;
using Mnet.Emulator.Faults;

namespace Mnet.Workflows.Tests.Migration.Crash;

/// <summary>
/// Where the crash suite kills the engine: before and after the snapshot, in the middle of a delete batch, in the
/// middle of the recreate fan-out, while provisioning, and during a dry run. The fixture is
/// <see cref="Fixture"/>; with max_parallel_deletes 2 its delete batches are [cluster-0, cluster-1], [ci-user-0, ep-0].
/// </summary>
public static class CrashPhases
{
    /// <summary>A held request waits this long (real time) unless the dead client's connection aborts it first.</summary>
    static readonly TimeSpan Hold = TimeSpan.FromSeconds(5);

    public static ComputeSet Fixture { get; } = new(Clusters: 2, Instances: 1, Endpoints: 1, DeploymentsPerEndpoint: 2, ComputeSet.Subnet);

    public static IReadOnlyList<CrashPhase> All { get; } =
    [
        // The snapshot activity's first read is held: nothing saved yet.
        new("before-snapshot", false, emu => HoldFirst(emu, "GET", "/computes/cluster-0")),
        // Every definition and the manifest are saved; the first delete is held.
        new("after-snapshot", false, emu => HoldFirst(emu, "DELETE", "/computes/cluster-0")),
        // Second batch: ci-user-0 deleted, ep-0's delete held.
        new("mid-delete-batch", false, emu =>
        {
            var hold = HoldFirst(emu, "DELETE", "/onlineEndpoints/ep-0");
            return hold with { Reached = () => hold.Reached() && Answered(emu, "DELETE", "/computes/ci-user-0") };
        }),
        // The recreate fan-out runs: cluster-1's create is held while the others go on.
        new("mid-recreate", false, emu => HoldFirst(emu, "PUT", "/computes/cluster-1")),
        // The managed network is being provisioned (30 minutes of ARM time).
        new("while-provisioning", false, emu => new CrashTrigger(() => Answered(emu, "POST", "/provisionManagedNetwork"), [])),
        // A dry run's plan read is held; the dry run must end without a single write.
        new("dry-run", true, emu => HoldFirst(emu, "GET", "/computes", new Regex("/computes$", RegexOptions.IgnoreCase))),
    ];

    static CrashTrigger HoldFirst(RunningEmulator emu, string method, string path, Regex? pathRegex = null)
    {
        int id = emu.Faults.Add(pathRegex is null
            ? new FaultSpec(new LatencyFault(Hold), Path: path, Method: method, Times: 1)
            : new FaultSpec(new LatencyFault(Hold), PathRegex: pathRegex, Method: method, Times: 1));
        // A fault that fired its one time is gone from the list: the request is being held now.
        return new CrashTrigger(() => emu.Faults.List().All(f => f.Id != id), [id]);
    }

    static bool Answered(RunningEmulator emu, string method, string pathEnd) =>
        emu.Requests.List().Any(r => r.Method == method && r.Status is >= 200 and < 300 &&
                                     r.Path.EndsWith(pathEnd, StringComparison.OrdinalIgnoreCase));
}
