using System.Runtime.ExceptionServices;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Mnet.Arm.Http;

/// <summary>
/// The pipeline's retry policy: 408/429/5xx and reset connections, with exponential backoff and jitter, honouring the
/// service's Retry-After (capped); other 4xx are never retried. It sits outside the throttle and bearer-token
/// policies, so every attempt is booked against the request ceilings and gets a fresh token check. Delays run on the
/// injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ArmRetryPolicy(RetrySettings settings) : RetryPolicy(settings.MaxRetries)
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var operation = ArmRequestContext.Of(message)?.Operation;
        var method = message.Request.Method.Method;
        var url = message.Request.Uri.ToString();
        for (var attempt = 0; ; attempt++)
        {
            Exception? failure = null;
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            catch (Exception e) when (e is not OperationCanceledException || !message.CancellationToken.IsCancellationRequested)
            {
                failure = e;
            }
            if (failure is not null)
            {
                settings.OnRequest?.Invoke(new ArmRequestInfo(method, url, 0, attempt, operation));
                if (!TransientFailures.IsTransient(failure, message.CancellationToken) || attempt >= settings.MaxRetries)
                {
                    ExceptionDispatchInfo.Throw(failure);
                }
                await DelayAsync(BackoffFor(attempt), message.CancellationToken);
                continue;
            }
            var response = message.Response;
            settings.OnRequest?.Invoke(new ArmRequestInfo(method, url, response.Status, attempt, operation));
            if (!Backoff.IsRetryableStatus(response.Status) || attempt >= settings.MaxRetries) return;
            var asked = RetryAfter.Parse(
                name => response.Headers.TryGetValue(name, out var value) ? value : null, settings.Time.GetUtcNow());
            var delay = asked is { } wait ? (wait < settings.MaxDelay ? wait : settings.MaxDelay) : BackoffFor(attempt);
            await DelayAsync(delay, message.CancellationToken);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    private TimeSpan BackoffFor(int attempt) =>
        Backoff.Delay(attempt, settings.BaseDelay, settings.MaxDelay, settings.Random());

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, settings.Time, cancellationToken) : Task.CompletedTask;
}
