using System.Text.RegularExpressions;

namespace Mnet.Functions.Tests.Support;

/// <summary>
/// A row of docs/api.md's function tables, in functions.metadata's terms: trigger type, HTTP methods and route
/// (without the /api/ prefix), queue and its connection, schedule.
/// </summary>
internal sealed partial record DocumentedFunction(
    string Name, string TriggerType, IReadOnlyList<string> Methods, string? Route, string? Queue, string? Connection, string? Schedule)
{
    public static DocumentedFunction From(string name, string trigger, string? target)
    {
        string[] code = target is null ? [] : [.. Code().Matches(target).Select(m => m.Groups[1].Value)];
        if (trigger.StartsWith("HTTP ", StringComparison.Ordinal))
        {
            var methods = trigger["HTTP ".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            string path = code.Single();
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) throw new FormatException($"{name}: route {path} is not under /api/");
            return new(name, "httpTrigger", methods, path["/api/".Length..], null, null, null);
        }

        return trigger switch
        {
            "queue" => new(name, "queueTrigger", [], null, code[0], code.ElementAtOrDefault(1), null),
            "timer" => new(name, "timerTrigger", [], null, null, null, code.Single()),
            "orchestration" => new(name, "orchestrationTrigger", [], null, null, null, null),
            "activity" => new(name, "activityTrigger", [], null, null, null, null),
            _ => throw new FormatException($"{name}: unknown trigger \"{trigger}\" in docs/api.md"),
        };
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
