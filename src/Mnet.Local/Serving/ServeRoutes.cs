using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Mnet.Service.Http;

namespace Mnet.Local.Serving;

/// <summary>
/// Maps the Functions app's route table (<see cref="MnetHttpApi.Routes"/>) on minimal APIs: same paths, methods and
/// handlers, plus OPTIONS on the Event Grid webhook; every route behind the function key gate.
/// </summary>
public static class ServeRoutes
{
    public static void Map(WebApplication app, MnetHttpApi api, DurableTaskClient durable, FunctionKeyGate gate)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(gate);
        foreach (var route in api.Routes)
        {
            // A typed delegate (not a RequestDelegate), so the IResult the handler returns is executed.
            Func<HttpContext, Task<IResult>> handle = context => gate.Allows(context.Request)
                ? route.Handle(new ApiCall(context, durable, context.Request.RouteValues["id"] as string))
                : Task.FromResult(Unauthorized());
            app.MapMethods(route.Path, [route.Method], handle);
        }

        Func<HttpContext, IResult> options = context => gate.Allows(context.Request)
            ? MnetHttpApi.EventGridWebhookOptions(context)
            : Unauthorized();
        app.MapMethods("/api/" + ApiRoutes.Events, [HttpMethods.Options], options);
    }

    // The Functions host answers a missing or wrong key with a bare 401.
    static IResult Unauthorized() => Results.StatusCode(StatusCodes.Status401Unauthorized);
}
