using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Mnet.Cli.Demo;

/// <summary>The service's HTTP API as the demo calls it: JSON in, status and JSON out, refusals as one line.</summary>
public sealed class DemoApi(HttpClient http)
{
    public async Task<(int Status, JsonObject Body)> PostAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, cancellationToken);
        return ((int)response.StatusCode, await ReadAsync(response, cancellationToken));
    }

    public async Task<(int Status, JsonObject Body)> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return ((int)response.StatusCode, await ReadAsync(response, cancellationToken));
    }

    /// <summary>Throws <see cref="DemoApiException"/> unless the status is the expected one.</summary>
    public static JsonObject Expect(string call, (int Status, JsonObject Body) answer, int expected) =>
        answer.Status == expected ? answer.Body : throw new DemoApiException(Describe(call, answer));

    /// <summary>A refused call, as one line: <c>POST /api/v1/requests -> 409 Workspace busy: ...</c>.</summary>
    public static string Describe(string call, (int Status, JsonObject Body) answer)
    {
        string title = (string?)answer.Body["title"] ?? "";
        string detail = (string?)answer.Body["detail"] ?? Clip(answer.Body.ToJsonString(), 300);
        return $"{call} -> {answer.Status} {title}: {detail}";
    }

    static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length == 0) return [];
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["value"] = JsonNode.Parse(text) };
        }
        catch (System.Text.Json.JsonException)
        {
            return new JsonObject { ["detail"] = Clip(text, 300) };
        }
    }
}
