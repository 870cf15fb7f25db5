using Microsoft.DurableTask.Client;

namespace Mnet.Local.Tests.Support;

/// <summary>Bounded waits on a Durable client: a test fails with the instance's state instead of hanging.</summary>
internal static class EngineWaits
{
    public static async Task<OrchestrationMetadata> ForCompletionAsync(
        DurableTaskClient client, string instanceId, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"'{instanceId}' did not complete within {timeout}: {await DescribeAsync(client, instanceId)}");
        }
    }

    /// <summary>Polls until the instance's custom status (a string) is <paramref name="expected"/>.</summary>
    public static Task<OrchestrationMetadata> ForCustomStatusAsync(
        DurableTaskClient client, string instanceId, string expected, TimeSpan timeout) =>
        ForStateAsync(
            client,
            instanceId,
            state => state.SerializedCustomStatus is not null && state.ReadCustomStatusAs<string>() == expected,
            $"custom status '{expected}'",
            timeout);

    /// <summary>Polls until the instance exists and its state satisfies <paramref name="condition"/>.</summary>
    public static async Task<OrchestrationMetadata> ForStateAsync(
        DurableTaskClient client,
        string instanceId,
        Func<OrchestrationMetadata, bool> condition,
        string description,
        TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            OrchestrationMetadata? state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (state is not null && condition(state))
            {
                return state;
            }

            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"'{instanceId}' never reached {description} within {timeout}: " +
                    await DescribeAsync(client, instanceId));
            }

            await Task.Delay(100);
        }
    }

    static async Task<string> DescribeAsync(DurableTaskClient client, string instanceId)
    {
        OrchestrationMetadata? state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        return state is null
            ? "no such instance"
            : $"{state.RuntimeStatus}, custom status {state.SerializedCustomStatus ?? "none"}, " +
              $"output {state.SerializedOutput ?? "none"}";
    }
}
