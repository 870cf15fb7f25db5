using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Mnet.Functions.Workflows;

/// <summary>
/// Builds an activity class for one invocation, as the in-process engine does: a fresh instance, its constructor
/// arguments from the invocation's services (plus any binding passed in, e.g. the durable client).
/// </summary>
internal static class WorkflowActivities
{
    public static TActivity Create<TActivity>(FunctionContext context, params object[] bindings)
        where TActivity : class =>
        ActivatorUtilities.CreateInstance<TActivity>(context.InstanceServices, bindings);
}
