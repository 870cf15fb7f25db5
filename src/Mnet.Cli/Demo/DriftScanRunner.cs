using Microsoft.DurableTask.Client;

namespace Mnet.Cli.Demo;

/// <summary>
/// The drift scan as the app runs it: the timer's tick (the same DriftService call the timer trigger and
/// <c>mnet serve</c>'s timer make) starts driftScan; GET /drift then serves the report it saved.
/// </summary>
public static class DriftScanRunner
{
    public static async Task<DriftScanResult> RunAsync(DemoEnvironment env, DemoApi api, CancellationToken cancellationToken)
    {
        var start = await env.Server.Api.Application.Drift.StartScanAsync(env.Server.Client, false, cancellationToken);
        if (!start.Started)
        {
            throw new DemoApiException($"the previous drift scan {start.InstanceId} is still {start.RunningStatus ?? "running"}");
        }

        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(TimeSpan.FromSeconds(120));
            OrchestrationMetadata done;
            try
            {
                done = await env.Server.Client.WaitForInstanceCompletionAsync(start.InstanceId, getInputsAndOutputs: false, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DemoApiException($"drift scan {start.InstanceId} did not finish within 120 s");
            }

            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                throw new DemoApiException($"drift scan {start.InstanceId} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
            }
        }

        var body = DemoApi.Expect("GET /api/v1/drift", await api.GetAsync("/api/v1/drift", cancellationToken), 200);
        if ((string?)body["instanceId"] != start.InstanceId)
        {
            throw new DemoApiException("GET /api/v1/drift did not return the scan that just finished");
        }

        return DriftScanResult.From(start.InstanceId, body["report"] as System.Text.Json.Nodes.JsonObject
            ?? throw new DemoApiException("GET /api/v1/drift answered without a report"), env.Now);
    }
}
