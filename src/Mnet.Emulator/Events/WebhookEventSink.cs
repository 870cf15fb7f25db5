using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Mnet.Emulator.Randomness;

namespace Mnet.Emulator.Events;

/// <summary>
/// Delivers to an HTTP webhook as Event Grid does: a JSON array of events (Event Grid schema) with the
/// <c>aeg-*</c> headers, after a one-time subscription validation handshake (<c>aeg-event-type:
/// SubscriptionValidation</c>; the endpoint must echo <c>{"validationResponse": code}</c>).
/// </summary>
public sealed class WebhookEventSink(Uri url, Func<HttpMessageHandler>? handler = null, bool validate = true) : IEventSink
{
    private const string SubscriptionName = "MNET-EMULATOR";
    private readonly SemaphoreSlim validation = new(1, 1);
    private bool validated = !validate;

    public async Task DeliverAsync(JsonObject gridEvent, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gridEvent);
        await EnsureValidatedAsync(gridEvent, cancellationToken).ConfigureAwait(false);
        using var client = Client();
        using var request = Request(new JsonArray(gridEvent.DeepClone()), "Notification");
        request.Headers.Add("aeg-delivery-count", attempt.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("aeg-data-version", gridEvent["dataVersion"]?.GetValue<string>() ?? string.Empty);
        request.Headers.Add("aeg-metadata-version", gridEvent["metadataVersion"]?.GetValue<string>() ?? "1");
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Webhook {url} answered {(int)response.StatusCode} to an event delivery.", null, response.StatusCode);
        }
    }

    private async Task EnsureValidatedAsync(JsonObject sample, CancellationToken cancellationToken)
    {
        await validation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (validated)
            {
                return;
            }

            var code = DerivedGuid.From($"validation:{url}");
            var topic = sample["topic"]?.GetValue<string>() ?? string.Empty;
            var handshake = new JsonObject
            {
                ["id"] = DerivedGuid.From($"validation-event:{url}"),
                ["topic"] = topic,
                ["subject"] = string.Empty,
                ["data"] = new JsonObject { ["validationCode"] = code, ["validationUrl"] = null },
                ["eventType"] = "Microsoft.EventGrid.SubscriptionValidationEvent",
                ["eventTime"] = sample["eventTime"]?.DeepClone(),
                ["metadataVersion"] = "1",
                ["dataVersion"] = "2",
            };
            using var client = Client();
            using var request = Request(new JsonArray(handshake), "SubscriptionValidation");
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var answer = response.IsSuccessStatusCode
                ? await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false)
                : null;
            if (answer?["validationResponse"]?.GetValue<string>() != code)
            {
                throw new HttpRequestException(
                    $"Webhook {url} failed Event Grid's validation handshake (HTTP {(int)response.StatusCode}; " +
                    "expected 200 {\"validationResponse\": \"<data.validationCode>\"}).");
            }

            validated = true;
        }
        finally
        {
            validation.Release();
        }
    }

    private HttpClient Client() => handler is null ? new HttpClient() : new HttpClient(handler(), disposeHandler: true);

    private HttpRequestMessage Request(JsonArray events, string eventType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(events.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("aeg-event-type", eventType);
        request.Headers.Add("aeg-subscription-name", SubscriptionName);
        return request;
    }
}
