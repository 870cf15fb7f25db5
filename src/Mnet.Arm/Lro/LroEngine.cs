using System.Text.Json;
using Mnet.Arm.Errors;
using Mnet.Arm.Http;

namespace Mnet.Arm.Lro;

/// <summary>
/// Long-running operations split into serializable steps: <see cref="BeginAsync"/> sends the first request and
/// returns an <see cref="LroHandle"/>; <see cref="PollAsync"/> polls ONCE (so durable orchestrators wait on their own
/// timers); <see cref="WaitAsync"/> loops poll + delay on the injected clock for callers that may block (CLI).
/// Modes as Azure's LRO conventions: Azure-AsyncOperation / Operation-Location status URL, Location-only, a PUT/PATCH
/// body with provisioningState, or a final first answer.
/// </summary>
internal sealed class LroEngine(ArmTransport transport, TimeProvider time, TimeSpan defaultPollInterval)
{
    public async Task<LroHandle> BeginAsync(LroBeginRequest begin, CancellationToken cancellationToken)
    {
        var request = new ArmRequest
        {
            Method = begin.Method,
            Url = begin.Url,
            Operation = begin.Operation,
            ResourceId = begin.ResourceId,
            Body = begin.Body,
            Headers = begin.Headers,
        };
        var response = await transport.SendAsync(request, cancellationToken);
        var handle = new LroHandle
        {
            OperationUrl = response.Url,
            Kind = LroKind.None,
            RetryAfterSeconds = RetryAfterSecondsOf(response),
            Operation = begin.Operation,
            Method = begin.Method,
            ResourceId = begin.ResourceId,
            Status = LroStatus.InProgress,
        };
        var statusUrl = response.Header("Azure-AsyncOperation") ?? response.Header("Operation-Location");
        var location = response.Header("Location");
        if (statusUrl is not null)
        {
            return handle with
            {
                Kind = LroKind.AzureAsync,
                OperationUrl = statusUrl,
                FinalUrl = FinalUrlFor(begin.Method, response.Url, location),
            };
        }
        if (location is not null) return handle with { Kind = LroKind.Location, OperationUrl = location };
        var isPutOrPatch = begin.Method is "PUT" or "PATCH";
        var state = isPutOrPatch ? ProvisioningState(response.Body) : null;
        var status = state is null
            ? (isPutOrPatch && response.Status == 202 ? LroStatus.InProgress : LroStatus.Succeeded)
            : StatusOf(state);
        if (status == LroStatus.InProgress) return handle with { Kind = LroKind.Resource };
        return Ended(handle, response, status, response.Body) with { Kind = LroKind.None };
    }

    /// <summary>
    /// ONE poll. A Failed/Canceled operation is a result (never thrown); a poll still answered 408/429/5xx after the
    /// pipeline's retries throws (transient: the handle stays valid for a later poll). A terminal handle answers
    /// without a request.
    /// </summary>
    public async Task<LroPollResult> PollAsync(LroHandle handle, CancellationToken cancellationToken)
    {
        if (handle.IsTerminal) return ResultOf(handle);
        var request = new ArmRequest
        {
            Method = "GET",
            Url = handle.OperationUrl,
            Operation = handle.Operation,
            ResourceId = handle.ResourceId,
            AcceptErrorStatus = true,
            ReportMethod = handle.Method,
        };
        var response = await transport.SendAsync(request, cancellationToken);
        if (Backoff.IsRetryableStatus(response.Status)) throw ArmTransport.ErrorFrom(response, request);
        var next = handle with { RetryAfterSeconds = RetryAfterSecondsOf(response) };
        // An operation URL answering 4xx is the operation failing, not the poll.
        if (response.Status >= 400) return ResultOf(Ended(next, response, LroStatus.Failed, response.Body));
        switch (handle.Kind)
        {
            case LroKind.AzureAsync:
            {
                var status = StatusOf(StringProperty(response.Body, "status"));
                if (status != LroStatus.Succeeded) return ResultOf(Ended(next, response, status, response.Body));
                if (handle.FinalUrl is null) return ResultOf(Ended(next, response, status, response.Body));
                // The final GET of the resource must succeed: its failure is thrown, not reported as the operation's.
                var final = await transport.SendAsync(
                    request with { Url = handle.FinalUrl, AcceptErrorStatus = false }, cancellationToken);
                return ResultOf(Ended(next, final, LroStatus.Succeeded, final.Body));
            }
            case LroKind.Location:
            {
                if (response.Status == 202)
                {
                    return ResultOf(next with { OperationUrl = response.Header("Location") ?? handle.OperationUrl });
                }
                // Tolerance (unverified service behaviour): a Location poll answering 200 {status: Failed, error}.
                var reported = StatusOf(StringProperty(response.Body, "status"));
                var hasError = response.Body is { ValueKind: JsonValueKind.Object } body &&
                    body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object;
                var status = reported is LroStatus.Failed or LroStatus.Canceled && hasError
                    ? reported
                    : LroStatus.Succeeded;
                return ResultOf(Ended(next, response, status, response.Body));
            }
            default:
            {
                var state = ProvisioningState(response.Body);
                var status = state is null ? LroStatus.Succeeded : StatusOf(state);
                return ResultOf(Ended(next, response, status, response.Body));
            }
        }
    }

    /// <summary>
    /// Polls until the end, waiting each handle's Retry-After on the injected clock; returns the Succeeded result or
    /// throws <see cref="ArmOperationFailedException"/> with the operation's own code (or
    /// <see cref="ArmOperationTimedOutException"/> once the waits would exceed the timeout).
    /// </summary>
    public async Task<LroPollResult> WaitAsync(LroHandle handle, WaitOptions? options, CancellationToken cancellationToken)
    {
        var timeout = (options ?? new WaitOptions()).Timeout;
        var current = handle;
        var waited = TimeSpan.Zero;
        for (;;)
        {
            if (!current.IsTerminal)
            {
                var delay = TimeSpan.FromSeconds(current.RetryAfterSeconds);
                if (waited + delay > timeout)
                {
                    throw ArmException.FromDetails(new ArmErrorDetails
                    {
                        Status = 0,
                        Code = ArmErrorCodes.OperationTimedOut,
                        Message = $"still in progress after {Math.Round(waited.TotalSeconds)} s " +
                            $"(poll {current.OperationUrl} to follow it)",
                        Operation = current.Operation,
                        ResourceId = current.ResourceId,
                        Method = current.Method,
                    });
                }
                await Task.Delay(delay, time, cancellationToken);
                waited += delay;
            }
            var result = await PollAsync(current, cancellationToken);
            if (result.Status == LroStatus.Succeeded) return result;
            if (result.Error is { } error) throw ArmException.FromDetails(error);
            current = result.Handle;
        }
    }

    private static LroPollResult ResultOf(LroHandle handle) => new()
    {
        Status = handle.Status,
        Error = handle.Error,
        ResultJson = handle.Status == LroStatus.Succeeded ? handle.ResultJson : null,
        Handle = handle,
    };

    /// <summary>The handle once <paramref name="response"/> said where the operation stands.</summary>
    private static LroHandle Ended(LroHandle handle, ArmResponse response, LroStatus status, JsonElement? body)
    {
        switch (status)
        {
            case LroStatus.InProgress:
                return handle;
            case LroStatus.Succeeded:
                return handle with
                {
                    Status = status,
                    ResultJson = response.Text.Trim().Length > 0 && body is not null ? response.Text : null,
                };
            default:
                var parsed = ArmErrorBody.Parse(body);
                var canceled = status == LroStatus.Canceled;
                return handle with
                {
                    Status = status,
                    Error = new ArmErrorDetails
                    {
                        Status = response.Status,
                        Code = parsed.Code ?? (canceled ? ArmErrorCodes.OperationCanceled : ArmErrorCodes.OperationFailed),
                        Message = parsed.Message ?? (canceled
                            ? "the operation was canceled"
                            : "the operation failed without an error message"),
                        Target = parsed.Target,
                        RequestId = response.RequestId,
                        Operation = handle.Operation,
                        ResourceId = handle.ResourceId,
                        Method = handle.Method,
                        OperationStatus = status,
                    },
                };
        }
    }

    /// <summary>Where the final result of an Azure-AsyncOperation operation is read, as Azure's LRO conventions say.</summary>
    private static string? FinalUrlFor(string method, string requestUrl, string? location) => method switch
    {
        "PUT" => requestUrl,
        "PATCH" => location ?? requestUrl,
        "DELETE" => null,
        _ => location,
    };

    private int RetryAfterSecondsOf(ArmResponse response)
    {
        var asked = RetryAfter.Parse(response.Header, time.GetUtcNow());
        var wait = asked ?? defaultPollInterval;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    private static LroStatus StatusOf(string? reported) => reported?.ToLowerInvariant() switch
    {
        "succeeded" => LroStatus.Succeeded,
        "failed" => LroStatus.Failed,
        "canceled" or "cancelled" => LroStatus.Canceled,
        _ => LroStatus.InProgress,
    };

    private static string? ProvisioningState(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("properties", out var properties)
            ? StringProperty(properties, "provisioningState")
            : StringProperty(body, "provisioningState");

    private static string? StringProperty(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
