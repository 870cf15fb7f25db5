using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Bench.Lib;
using Mnet.Core.Drift;
using Mnet.Core.Resources;
using Mnet.Local;
using Mnet.Workflows;
using Mnet.Workflows.Activities.Drift;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Stores;

namespace Mnet.Bench.Drift;

/// <summary>
/// One drift-scan strategy in its own process (clean peak RSS) against an emulator another process runs.
/// graph: the app's way, the driftScan orchestration on the in-process engine (LocalEngine, in memory), its ARM client
/// at the production ceilings. naive: a script's way, list each subscription then GET every workspace one at a time,
/// its client with the request ceiling off (a script has none), then the same evaluation.
/// </summary>
public static class DriftScanChild
{
    static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string strategy, Uri url, string caPath)
    {
        int requests = 0;
        bool graph = strategy == "graph";
        double rps = graph ? ArmClientOptions.DefaultRequestsPerSecond : 0;
        using var arm = new ArmClient(new ArmClientOptions
        {
            Endpoint = url,
            Credential = new StaticTokenCredential(),
            CaCertificatePem = await File.ReadAllTextAsync(caPath),
            RequestsPerSecond = rps,
            WritesPerSecond = graph ? ArmClientOptions.DefaultWritesPerSecond : 0,
            OnRequest = _ => Interlocked.Increment(ref requests),
        });
        var policy = ScalePolicy.Load();
        Children.Report(graph ? await GraphAsync(arm, policy, rps, () => requests) : await NaiveAsync(arm, policy, () => requests));
        return 0;
    }

    static async Task<ScanResult> GraphAsync(IArmClient arm, Core.Policy.Policy policy, double rps, Func<int> requests)
    {
        string store = Directory.CreateTempSubdirectory("mnet-bench-drift-").FullName;
        var (client, capture) = GraphRowsCapture.Wrap(arm);
        try
        {
            await using var engine = await LocalEngine.StartAsync(new LocalEngineOptions(), r => r.AddMnetWorkflows(), services =>
            {
                services.AddSingleton(client);
                services.AddSingleton<IDocumentStore>(new FolderDocumentStore(store));
                services.AddSingleton(TimeProvider.System);
                services.AddMnetActivities(new WorkflowSettings());
            });
            double baseline = ProcessMemory.RssMb();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            string id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.DriftScan, new DriftScanInput
            {
                Policy = policy,
                Subscriptions = ScalePolicy.Subscriptions,
                Request = new RequestMetadata(TriggerSource.Timer),
            }, new StartOrchestrationOptions("bench-drift-scan"));
            var state = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
            wall.Stop();
            if (state.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                throw new InvalidOperationException($"driftScan ended {state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
            }

            var output = state.ReadOutputAs<DriftScanOutput>()!;
            var history = SidecarHistory.ReadAll(engine)[id];
            long bytes = SidecarHistory.Bytes(history);
            long largest = history.Select(SidecarHistory.Bytes).DefaultIfEmpty(0).Max();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            double peak = ProcessMemory.PeakRssMb();
            int made = requests();
            var workspaces = (await capture.CompleteRowsAsync()).Select(WorkspaceQuery.ToWorkspace).OfType<Workspace>().ToList();
            double evalMs = EvaluationCpuMs(policy, workspaces, out var evaluated);
            if (evaluated.Scanned != output.Scanned)
            {
                throw new InvalidOperationException($"the timed evaluation saw {evaluated.Scanned} workspaces, the scan {output.Scanned}");
            }

            return new ScanResult("graph", output.Scanned, output.Drifted, output.Compliant, made, rps, wall.Elapsed.TotalMilliseconds,
                evalMs, EvaluationCold: false, cpu.TotalMilliseconds, peak, baseline, history.Count, bytes, largest, capture.Queries);
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    static async Task<ScanResult> NaiveAsync(IArmClient arm, Core.Policy.Policy policy, Func<int> requests)
    {
        double baseline = ProcessMemory.RssMb();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var workspaces = new List<Workspace>();
        foreach (string sub in ScalePolicy.Subscriptions)
        {
            foreach (var listed in await arm.ListWorkspacesAsync(sub)) workspaces.Add(await arm.GetWorkspaceAsync(listed.Id));
        }

        double evalMs = EvaluationCpuMs(policy, workspaces, out var report);
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        return new ScanResult("naive", report.Scanned, report.Drifted.Count, report.Compliant, requests(), 0, wall.Elapsed.TotalMilliseconds,
            evalMs, EvaluationCold: true, cpu.TotalMilliseconds, ProcessMemory.PeakRssMb(), baseline, 0, 0, 0, 0);
    }

    static double EvaluationCpuMs(Core.Policy.Policy policy, IReadOnlyList<Workspace> workspaces, out DriftReport report)
    {
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        report = DriftEvaluator.Evaluate(policy, workspaces, new DriftContext { Now = Now, GeneratedAt = Now, SubscriptionsInScope = ScalePolicy.Subscriptions });
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
    }
}
