using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Mnet.Functions.Telemetry;

/// <summary>
/// Every invocation logs inside a scope naming the function, the invocation and, for orchestrations and activities,
/// the Durable instance id and step, so one query follows a ticket from its trigger through every activity. (The
/// operation id itself flows from the trigger through Durable's distributed tracing, host.json tracing V2.) Only
/// identifiers: never a body, token or key.
/// </summary>
internal sealed class InvocationScopeMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var log = context.GetLogger("Mnet.Functions");
        using (log.BeginScope(ScopeOf(context)))
        {
            await next(context);
        }
    }

    internal static IReadOnlyDictionary<string, object?> ScopeOf(FunctionContext context)
    {
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["functionName"] = context.FunctionDefinition.Name,
            ["invocationId"] = context.InvocationId,
        };
        string? trigger = context.FunctionDefinition.InputBindings.Values.FirstOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal))?.Type;
        if (trigger is not null) scope["trigger"] = trigger;
        if (context.BindingContext.BindingData.TryGetValue("instanceId", out var instanceId) && instanceId is string id && id.Length <= 256)
        {
            scope["instanceId"] = id;
        }

        if (trigger is "activityTrigger" or "orchestrationTrigger") scope["step"] = context.FunctionDefinition.Name;
        return scope;
    }
}
