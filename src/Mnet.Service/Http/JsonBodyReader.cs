using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Mnet.Service.Bodies;
using Mnet.Service.Errors;

namespace Mnet.Service.Http;

/// <summary>
/// Reads a JSON request body within limits: the content type must be JSON in UTF-8 (415); the declared or actual
/// size at most the limit, reading stops there (413); the bytes valid UTF-8, one JSON object, no duplicate members,
/// nested at most the depth limit (400 <c>json</c>).
/// </summary>
public static class JsonBodyReader
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, int maxBytes, int maxDepth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckContentType(request.ContentType);
        byte[] bytes = await ReadLimitedAsync(request, maxBytes, cancellationToken);
        return ParseObject(bytes, maxDepth);
    }

    /// <summary>The raw bytes within the limit (the Event Grid webhook parses them itself).</summary>
    public static async Task<byte[]> ReadLimitedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is { } declared && declared > maxBytes) throw TooLarge(maxBytes);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        while (true)
        {
            int read = await request.Body.ReadAsync(chunk, cancellationToken);
            if (read == 0) break;
            if (buffer.Length + read > maxBytes) throw TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static JsonObject ParseObject(byte[] bytes, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Malformed("The body is not valid UTF-8.");
        }

        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (string.IsNullOrWhiteSpace(text)) throw Malformed("The body is empty; a JSON object is required.");
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            // System.Text.Json names the position and echoes at most a character or two of the input.
            string reason = e.Message.Length > 200 ? e.Message[..200] : e.Message;
            throw Malformed($"The body is not valid JSON: {reason}");
        }

        return parsed as JsonObject ?? throw Malformed("The body must be a JSON object.");
    }

    static void CheckContentType(string? header)
    {
        string[] parts = (header ?? "").Split(';', StringSplitOptions.TrimEntries);
        string mediaType = parts[0].ToLowerInvariant();
        if (!IsJsonMediaType(mediaType))
        {
            throw new ServiceException(ServiceErrorKind.UnsupportedMediaType, "Unsupported media type",
                $"The body must be sent as application/json (got {(string.IsNullOrEmpty(header) ? "no content type" : $"\"{Clip(header, 100)}\"")}).");
        }

        string? charset = parts.Skip(1).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))?["charset=".Length..]
            .Trim('"').ToLowerInvariant();
        if (charset is not null && charset is not ("utf-8" or "utf8"))
        {
            throw new ServiceException(ServiceErrorKind.UnsupportedMediaType, "Unsupported media type",
                $"Only UTF-8 bodies are accepted (got charset {Clip(charset, 40)}).");
        }
    }

    /// <summary>application/json or application/{something}+json.</summary>
    static bool IsJsonMediaType(string mediaType)
    {
        if (mediaType == "application/json") return true;
        if (!mediaType.StartsWith("application/", StringComparison.Ordinal) || !mediaType.EndsWith("+json", StringComparison.Ordinal)) return false;
        string middle = mediaType["application/".Length..^"+json".Length];
        return middle.Length > 0 && middle.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-');
    }

    static ServiceException TooLarge(int maxBytes) => new(ServiceErrorKind.TooLarge, "Request body too large",
        $"The body is larger than the {maxBytes} bytes this API accepts.", extensions: new Dictionary<string, object?> { ["maxBytes"] = maxBytes });

    static ServiceException Malformed(string detail) => new(ServiceErrorKind.Invalid, "Malformed JSON body", detail,
        [new FieldProblem("(body)", detail, BodyRules.Json)]);

    static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
