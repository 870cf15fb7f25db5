using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace Mnet.Service.Events;

/// <summary>
/// Parses what Event Grid delivers, with Azure.Messaging.EventGrid: a queue message (plain JSON or base64) or a
/// webhook body; Event Grid schema or CloudEvents 1.0; one event or an array. An element that is not an event of
/// either schema becomes an event without a type (ignored by the handler, logged); a body that is not JSON at all
/// throws <see cref="EventGridFormatException"/> (a poison message).
/// </summary>
public static class EventGridMessages
{
    /// <summary>Event Grid's handshake event type (Event Grid schema).</summary>
    public const string ValidationEventType = "Microsoft.EventGrid.SubscriptionValidationEvent";

    /// <summary>Largest delivery accepted (Event Grid's own limit is 1 MB per event, 64 KB for resource events).</summary>
    public const int MaxDeliveryBytes = 1024 * 1024;

    public static EventGridDelivery ParseQueueMessage(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string text = message.Trim();
        if (text.StartsWith('{') || text.StartsWith('[')) return Parse(BinaryData.FromString(text));
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new EventGridFormatException("The queue message is neither JSON nor base64-encoded JSON.", e);
        }

        return Parse(BinaryData.FromBytes(bytes));
    }

    public static EventGridDelivery Parse(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.ToMemory().Length > MaxDeliveryBytes) throw new EventGridFormatException($"The delivery is larger than {MaxDeliveryBytes} bytes.");
        JsonNode? root;
        try
        {
            string text = new UTF8Encoding(false, true).GetString(body.ToArray());
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException or ArgumentException)
        {
            throw new EventGridFormatException("The delivery is not UTF-8 JSON.", e);
        }

        IEnumerable<JsonNode?> elements = root switch
        {
            JsonArray array => array,
            JsonObject => [root],
            _ => throw new EventGridFormatException("The delivery must be a JSON object or an array of them."),
        };
        var events = new List<WorkspaceEvent>();
        foreach (var element in elements)
        {
            if (element is not JsonObject obj)
            {
                events.Add(new WorkspaceEvent(null, null, null, null));
                continue;
            }

            if (ValidationCodeOf(obj) is { } code) return new EventGridDelivery([], code);
            events.Add(obj.ContainsKey("specversion") ? FromCloudEvent(obj) : FromEventGridEvent(obj));
        }

        return new EventGridDelivery(events);
    }

    static string? ValidationCodeOf(JsonObject obj)
    {
        if (!string.Equals(obj["eventType"]?.GetValueKind() == JsonValueKind.String ? obj["eventType"]!.GetValue<string>() : null,
                ValidationEventType, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var parsed = EventGridEvent.Parse(BinaryData.FromString(obj.ToJsonString()));
            return parsed.TryGetSystemEventData(out object? data) && data is SubscriptionValidationEventData validation
                ? validation.ValidationCode : null;
        }
        catch (Exception e) when (e is ArgumentException or JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    static WorkspaceEvent FromEventGridEvent(JsonObject obj)
    {
        try
        {
            var parsed = EventGridEvent.Parse(BinaryData.FromString(obj.ToJsonString()));
            return new WorkspaceEvent(parsed.Id, parsed.EventType, parsed.Subject, DataOf(parsed.Data));
        }
        catch (Exception e) when (e is ArgumentException or JsonException or FormatException or InvalidOperationException)
        {
            // Not a valid Event Grid event (e.g. a required member missing): keep what can be read, for the log.
            return new WorkspaceEvent(TextOf(obj, "id"), TextOf(obj, "eventType"), TextOf(obj, "subject"), obj["data"] as JsonObject);
        }
    }

    static WorkspaceEvent FromCloudEvent(JsonObject obj)
    {
        try
        {
            var parsed = CloudEvent.Parse(BinaryData.FromString(obj.ToJsonString()), skipValidation: false)
                ?? throw new EventGridFormatException("empty CloudEvent");
            return new WorkspaceEvent(parsed.Id, parsed.Type, parsed.Subject, DataOf(parsed.Data));
        }
        catch (Exception e) when (e is ArgumentException or JsonException or FormatException or InvalidOperationException or EventGridFormatException)
        {
            return new WorkspaceEvent(TextOf(obj, "id"), TextOf(obj, "type"), TextOf(obj, "subject"), obj["data"] as JsonObject);
        }
    }

    static JsonObject? DataOf(BinaryData? data)
    {
        if (data is null || data.ToMemory().IsEmpty) return null;
        try
        {
            return JsonNode.Parse(data.ToString()) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static string? TextOf(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
