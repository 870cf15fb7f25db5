using System.Diagnostics;
using DurableTask.Core.History;
using Google.Protobuf;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Mnet.Bench.Lib;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Migration;
using Mnet.Workflows.Orchestrators;
using P = Microsoft.DurableTask.Protobuf;

namespace Mnet.Bench.Migration;

/// <summary>
/// One full replay of a complete history: the orchestrator function run by the worker's own gRPC runner
/// (<see cref="GrpcOrchestrationRunner"/>, what the Functions worker uses) over every past event, with the worker's
/// data converter. Pure CPU: a replay sends nothing.
/// </summary>
public static class HistoryReplay
{
    const int Runs = 5;

    public static (double? Ms, string? Note) Measure(string instanceId, IReadOnlyList<HistoryEvent> history)
    {
        string? name = history.OfType<ExecutionStartedEvent>().FirstOrDefault()?.Name;
        // The worker's shim factory with the workflows' data converter: the runner takes it from these services.
        using var services = new ServiceCollection()
            .AddSingleton(new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = WorkflowJson.Converter }, NullLoggerFactory.Instance))
            .BuildServiceProvider();
        int invocations = 0;
        Func<string, string>? run = name switch
        {
            WorkflowNames.MigrateComputes => request => GrpcOrchestrationRunner.LoadAndRun<MigrateComputesInput, MigrateComputesOutput>(request,
                async (c, i) =>
                {
                    invocations++;
                    return await MigrateComputes.RunAsync(c, i!);
                }, services),
            WorkflowNames.ProvisionNetwork => request => GrpcOrchestrationRunner.LoadAndRun<ProvisionNetworkInput, ProvisionNetworkOutput>(request,
                async (c, i) =>
                {
                    invocations++;
                    return await ProvisionNetwork.RunAsync(c, i!);
                }, services),
            _ => null,
        };
        if (run is null) return (null, $"no replay for orchestrator '{name}' ({instanceId})");
        try
        {
            // The last episode as the worker gets it: everything before its OrchestratorStarted is replayed, then its new
            // events run; the orchestrator must produce its completion again (the recorded ExecutionCompleted left out).
            int last = history.ToList().FindLastIndex(e => e is OrchestratorStartedEvent);
            var request = new P.OrchestratorRequest { InstanceId = instanceId };
            request.PastEvents.AddRange(history.Take(last).Select(HistoryProto.Of));
            request.NewEvents.AddRange(history.Skip(last).Where(e => e is not (ExecutionCompletedEvent or OrchestratorCompletedEvent)).Select(HistoryProto.Of));
            string encoded = Convert.ToBase64String(request.ToByteArray());
            run(encoded); // warm-up (JIT)
            var times = new List<double>();
            for (int i = 0; i < Runs; i++)
            {
                var clock = Stopwatch.StartNew();
                string response = run(encoded);
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (i == 0) Check(response, name!);
            }

            if (invocations != Runs + 1) throw new InvalidOperationException($"the orchestrator ran {invocations} times in {Runs + 1} replays");

            return (Stats.Median(times), null);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or InvalidProtocolBufferException or TaskFailedException)
        {
            return (null, $"replay of {name} failed: {e.Message}");
        }
    }

    /// <summary>A replay of a completed history ends by completing the orchestration again, with nothing new scheduled.</summary>
    static void Check(string encodedResponse, string name)
    {
        var response = P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(encodedResponse));
        var complete = response.Actions.Select(a => a.CompleteOrchestration).FirstOrDefault(c => c is not null)
            ?? throw new InvalidOperationException($"the replay of {name} did not complete ({response.Actions.Count} actions)");
        if (complete.OrchestrationStatus != P.OrchestrationStatus.Completed)
        {
            throw new InvalidOperationException($"the replay of {name} ended {complete.OrchestrationStatus}: {complete.FailureDetails?.ErrorType}");
        }
    }
}
