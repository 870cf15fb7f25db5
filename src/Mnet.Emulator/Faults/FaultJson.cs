using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mnet.Emulator.Faults;

/// <summary>
/// The admin route's fault JSON: <c>{method?, path | pathRegex (+flags "i"), times?, probability?, fault: {kind:
/// status (status, code?, message?, retryAfterSeconds?) | reset | latency (ms) | lroFail (code, message) |
/// lroNeverFinish}}</c>.
/// </summary>
public static class FaultJson
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the bad field.</summary>
    public static FaultSpec Parse(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? path = null;
        Regex? regex = null;
        if (Text(body, "pathRegex") is { } pattern)
        {
            var flags = Text(body, "flags") ?? string.Empty;
            var options = flags.Contains('i', StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None;
            try
            {
                regex = new Regex(pattern, options, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"pathRegex is not a valid regular expression: {e.Message}", e);
            }
        }
        else
        {
            path = Text(body, "path") ?? throw new ArgumentException("A fault spec needs path (substring) or pathRegex.");
        }

        var fault = ParseFault(body["fault"] as JsonObject ?? throw new ArgumentException("A fault spec needs a fault object."));
        var spec = new FaultSpec(fault, path, regex, Text(body, "method"), Integer(body, "times"), Number(body, "probability"));
        spec.Validate();
        return spec;
    }

    public static JsonObject ToJson(ActiveFault active)
    {
        ArgumentNullException.ThrowIfNull(active);
        var s = active.Spec;
        var o = new JsonObject
        {
            ["id"] = active.Id,
            ["fired"] = active.Fired,
            ["path"] = s.PathRegex is null ? s.Path : $"/{s.PathRegex}/{(s.PathRegex.Options.HasFlag(RegexOptions.IgnoreCase) ? "i" : string.Empty)}",
            ["fault"] = FaultToJson(s.Fault),
        };
        if (s.Method is not null)
        {
            o["method"] = s.Method;
        }

        if (s.Times is { } times)
        {
            o["times"] = times;
        }

        if (s.Probability is { } p)
        {
            o["probability"] = p;
        }

        return o;
    }

    private static JsonObject FaultToJson(Fault fault)
    {
        var o = new JsonObject { ["kind"] = fault.Kind };
        switch (fault)
        {
            case StatusFault s:
                o["status"] = s.Status;
                if (s.Code is not null)
                {
                    o["code"] = s.Code;
                }

                if (s.Message is not null)
                {
                    o["message"] = s.Message;
                }

                if (s.RetryAfterSeconds is { } r)
                {
                    o["retryAfterSeconds"] = r;
                }

                break;
            case LatencyFault l:
                o["ms"] = l.Delay.TotalMilliseconds;
                break;
            case LroFailFault f:
                o["code"] = f.Code;
                o["message"] = f.Message;
                break;
        }

        return o;
    }

    private static Fault ParseFault(JsonObject f) => Text(f, "kind") switch
    {
        "status" => new StatusFault(
            Integer(f, "status") ?? throw new ArgumentException("A status fault needs status."),
            Text(f, "code"), Text(f, "message"), Integer(f, "retryAfterSeconds")),
        "reset" => new ResetFault(),
        "latency" => new LatencyFault(TimeSpan.FromMilliseconds(
            Number(f, "ms") ?? throw new ArgumentException("A latency fault needs ms."))),
        "lroFail" => new LroFailFault(
            Text(f, "code") ?? throw new ArgumentException("An lroFail fault needs code and message."),
            Text(f, "message") ?? throw new ArgumentException("An lroFail fault needs code and message.")),
        "lroNeverFinish" => new LroNeverFinishFault(),
        var other => throw new ArgumentException($"Unknown fault kind '{other}'. Use status, reset, latency, lroFail or lroNeverFinish."),
    };

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static double? Number(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static int? Integer(JsonObject o, string name)
    {
        var d = Number(o, name);
        if (d is null)
        {
            return null;
        }

        if (d != Math.Floor(d.Value) || d is < int.MinValue or > int.MaxValue)
        {
            throw new ArgumentException($"{name} must be an integer.");
        }

        return (int)d.Value;
    }
}
