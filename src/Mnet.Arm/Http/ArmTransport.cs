using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Core.Resources;

namespace Mnet.Arm.Http;

/// <summary>
/// Sends one ARM request through the pipeline and turns the outcome into a parsed response or an
/// <see cref="ArmException"/>. The URL must stay on the configured endpoint: a nextLink or operation URL pointing
/// elsewhere is refused rather than sent the bearer token.
/// </summary>
internal sealed class ArmTransport(Uri endpoint, HttpPipeline pipeline)
{
    /// <summary>Origin of the endpoint, e.g. https://management.azure.com (no trailing slash).</summary>
    public string Endpoint { get; } = endpoint.GetLeftPart(UriPartial.Authority);

    public async Task<ArmResponse> SendAsync(ArmRequest request, CancellationToken cancellationToken)
    {
        var url = Resolve(request);
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Parse(request.Method);
        message.Request.Uri.Reset(url);
        message.Request.Headers.SetValue("Accept", "application/json");
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            message.Request.Headers.SetValue(name, value);
        }
        if (request.Body is not null)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(request.Body, request.Body.GetType(), ArmJson.Options);
            message.Request.Headers.SetValue("Content-Type", "application/json");
            message.Request.Content = RequestContent.Create(json);
        }
        new ArmRequestContext(request.Operation, IsWrite(request.Method, request.Operation)).AttachTo(message);
        try
        {
            await pipeline.SendAsync(message, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 0)
        {
            // Only failures without any response are connection failures; anything else is not ours to relabel.
            throw ConnectionFailed(request, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw ConnectionFailed(request, e);
        }
        return Read(request, url, message.Response);
    }

    /// <summary>Reads are never rate-limited as writes; everything that is not a GET nor a read action is a write.</summary>
    public static bool IsWrite(string method, ArmOperation operation) =>
        !string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) && !ArmActions.IsRead(operation);

    /// <summary>The exception for an HTTP error answer: the service's code, message and target, plus the request id.</summary>
    public static ArmException ErrorFrom(ArmResponse response, ArmRequest request)
    {
        var parsed = ArmErrorBody.Parse(response.Body);
        var text = response.Text;
        return ArmException.FromDetails(new ArmErrorDetails
        {
            Status = response.Status,
            Code = parsed.Code ?? $"Http{response.Status}",
            Message = parsed.Message ?? (text.Trim().Length > 0 ? text[..Math.Min(500, text.Length)] : $"HTTP {response.Status}"),
            Target = parsed.Target,
            RequestId = response.RequestId,
            Operation = request.Operation,
            ResourceId = request.ResourceId,
            Method = request.ReportMethod ?? request.Method,
        });
    }

    private Uri Resolve(ArmRequest request)
    {
        // A path is relative to the endpoint (on Unix "/subscriptions/..." would otherwise parse as a file URI).
        var url = request.Url.StartsWith('/')
            ? new Uri(Endpoint + request.Url)
            : Uri.TryCreate(request.Url, UriKind.Absolute, out var absolute)
                ? absolute
                : new Uri($"{Endpoint}/{request.Url}");
        if (!string.Equals(url.GetLeftPart(UriPartial.Authority), Endpoint, StringComparison.OrdinalIgnoreCase))
        {
            throw ArmException.FromDetails(new ArmErrorDetails
            {
                Status = 0,
                Code = ArmErrorCodes.UntrustedLink,
                Message = $"refusing to send a request to {url.GetLeftPart(UriPartial.Authority)}: only {Endpoint} is trusted",
                Operation = request.Operation,
                ResourceId = request.ResourceId,
                Method = request.ReportMethod ?? request.Method,
            });
        }
        return url;
    }

    private ArmException ConnectionFailed(ArmRequest request, Exception cause) =>
        ArmException.FromDetails(
            new ArmErrorDetails
            {
                Status = 0,
                Code = ArmErrorCodes.ConnectionFailed,
                Message = $"could not reach {Endpoint}: {cause.Message}",
                Operation = request.Operation,
                ResourceId = request.ResourceId,
                Method = request.ReportMethod ?? request.Method,
            },
            cause);

    private static ArmResponse Read(ArmRequest request, Uri url, Response raw)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in raw.Headers) headers[header.Name] = header.Value;
        headers.TryGetValue("x-ms-request-id", out var requestId);
        var text = raw.Content is { } content ? Encoding.UTF8.GetString(content.ToMemory().Span) : "";
        JsonElement? body = null;
        string? notJson = null;
        if (text.Trim().Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                body = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                notJson = e.Message;
            }
        }
        var response = new ArmResponse
        {
            Status = raw.Status,
            Headers = headers,
            Body = body,
            Text = text,
            RequestId = requestId,
            Method = request.Method,
            Url = url.ToString(),
        };
        if (notJson is not null && raw.Status < 400)
        {
            throw response.Invalid(request, $"response is not JSON: {text[..Math.Min(200, text.Length)]}");
        }
        if (raw.Status >= 400 && !request.AcceptErrorStatus) throw ErrorFrom(response, request);
        return response;
    }
}
