using System.Text.Json.Nodes;
using Mnet.Emulator.Faults;
using Mnet.Emulator.Http;
using Mnet.Emulator.Recording;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Admin;

/// <summary>
/// Admin routes outside ARM paths (no auth, not recorded), so a CLI-run emulator can be inspected and steered:
/// <code>
/// GET  /_emulator/requests    {value: [recorded requests]}      DELETE /_emulator/requests  clear
/// GET  /_emulator/faults      {value: [active faults]}
/// POST /_emulator/faults      a fault spec -> 201 {id}; {clear: true} -> 200 {cleared: true}
/// DELETE /_emulator/faults    clear all
/// GET  /_emulator/clock       {now (ms), iso}
/// POST /_emulator/clock       {advanceMs} | {advanceTo} | {set} (ms; the last two need a virtual clock)
/// GET  /_emulator/operations  {value: [LRO records]}
/// GET  /_emulator/summary     counts per collection + clock
/// </code>
/// </summary>
public sealed class AdminRoutes(EmulatorState state, FaultInjector faults, RequestRecorder recorder)
{
    public EmuResponse Handle(EmuRequest req, bool bodyParsed)
    {
        ArgumentNullException.ThrowIfNull(req);
        if (!bodyParsed)
        {
            throw new ArmException(400, "BadRequest", "The request body is not valid JSON.");
        }

        var route = $"{req.Method} {req.Path["/_emulator".Length..]}";
        return route switch
        {
            "GET /requests" => EmuResponse.Ok(new JsonObject
            {
                ["value"] = new JsonArray([.. recorder.List().Select(r => (JsonNode)r.ToJson())]),
            }),
            "DELETE /requests" => Clear(recorder.Clear),
            "GET /faults" => EmuResponse.Ok(new JsonObject
            {
                ["value"] = new JsonArray([.. faults.List().Select(f => (JsonNode)FaultJson.ToJson(f))]),
            }),
            "POST /faults" => AddFault(req.BodyObject()),
            "DELETE /faults" => Clear(faults.Clear),
            "GET /clock" => EmuResponse.Ok(ClockBody()),
            "POST /clock" => MoveClock(req.BodyObject()),
            "GET /operations" => EmuResponse.Ok(state.Read(s => new JsonObject
            {
                ["value"] = new JsonArray([.. s.Operations.List().Select(o => (JsonNode)o.ToJson())]),
            })),
            "GET /summary" => EmuResponse.Ok(Summary()),
            _ => throw new ArmException(404, "NotFound", $"No admin route {route}."),
        };
    }

    private static EmuResponse Clear(Action clear)
    {
        clear();
        return EmuResponse.NoContent();
    }

    private EmuResponse AddFault(JsonObject body)
    {
        if (body["clear"] is JsonValue v && v.TryGetValue<bool>(out var c) && c)
        {
            faults.Clear();
            return EmuResponse.Ok(new JsonObject { ["cleared"] = true });
        }

        try
        {
            return EmuResponse.Json(201, new JsonObject { ["id"] = faults.Add(FaultJson.Parse(body)) });
        }
        catch (ArgumentException e)
        {
            throw new ArmException(400, "InvalidFault", e.Message);
        }
    }

    private EmuResponse MoveClock(JsonObject body)
    {
        try
        {
            if (Number(body, "advanceMs") is { } ms)
            {
                state.Clock.Advance(TimeSpan.FromMilliseconds(ms));
            }
            else if ((Number(body, "advanceTo") ?? Number(body, "set")) is { } at)
            {
                state.Clock.Set(DateTimeOffset.FromUnixTimeMilliseconds((long)at));
            }
            else
            {
                throw new ArgumentException("The body needs advanceMs, advanceTo or set (numbers, ms).");
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new ArmException(400, "InvalidClockRequest", e.Message);
        }

        return EmuResponse.Ok(ClockBody());
    }

    private JsonObject Summary() => state.Read(s =>
    {
        var o = new JsonObject
        {
            ["subscriptions"] = s.Subscriptions.Count,
            ["resourceGroups"] = s.ResourceGroups.Count,
            ["workspaces"] = s.Workspaces.Count,
            ["resources"] = s.Resources.Count,
            ["roleAssignments"] = s.RoleAssignments.Count,
            ["roleDefinitions"] = s.RoleDefinitions.Count,
            ["locks"] = s.Locks.Count,
        };
        foreach (var (k, v) in ClockBody())
        {
            o[k] = v?.DeepClone();
        }

        return o;
    });

    private JsonObject ClockBody()
    {
        var now = state.Clock.Now;
        return new JsonObject { ["now"] = now.ToUnixTimeMilliseconds(), ["iso"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) };
    }

    private static double? Number(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
