using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>(f) host.json's durableTask.hubName is %SETTING% and infra sets SETTING.</summary>
public static class TaskHubCheck
{
    public static IReadOnlyList<string> Check(string hostJson, string infraText)
    {
        string? hub;
        try
        {
            using var document = JsonDocument.Parse(hostJson);
            hub = document.RootElement.TryGetProperty("extensions", out var e) && e.TryGetProperty("durableTask", out var d)
                && d.TryGetProperty("hubName", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
        }
        catch (JsonException e)
        {
            return [$"host.json is not JSON: {e.Message}"];
        }
        if (hub is null) return ["host.json has no extensions.durableTask.hubName"];
        var m = Regex.Match(hub, "^%([^%]+)%$");
        if (!m.Success) return [$"host.json hubName {hub} is not an app-setting reference (%NAME%)"];
        return BicepText.AppSettingNames(infraText).Contains(m.Groups[1].Value)
            ? []
            : [$"host.json task hub setting {m.Groups[1].Value} is not set by infra"];
    }
}
