using Mnet.Functions.Telemetry;
using Mnet.Functions.Tests.Support;
using Mnet.Service.Http;
using Mnet.Workflows;

namespace Mnet.Functions.Tests.Triggers;

/// <summary>The log scope every invocation runs in: identifiers only, the Durable instance and step for Durable functions.</summary>
public sealed class InvocationScopeTests
{
    [Fact]
    public void An_activity_logs_with_its_function_invocation_instance_and_step()
    {
        var context = new TestFunctionContext(WorkflowNames.PutOutboundRule, "activityTrigger",
            new Dictionary<string, object?> { ["instanceId"] = "mnet-onboard-abc", ["input"] = "{\"secret\":\"value\"}" });
        var scope = InvocationScopeMiddleware.ScopeOf(context);
        Assert.Equal(WorkflowNames.PutOutboundRule, scope["functionName"]);
        Assert.Equal(context.InvocationId, scope["invocationId"]);
        Assert.Equal("activityTrigger", scope["trigger"]);
        Assert.Equal("mnet-onboard-abc", scope["instanceId"]);
        Assert.Equal(WorkflowNames.PutOutboundRule, scope["step"]);
        // Only identifiers: no binding data (bodies, inputs) reaches the scope.
        Assert.Equal(["functionName", "instanceId", "invocationId", "step", "trigger"], scope.Keys.Order());
    }

    [Fact]
    public void An_http_invocation_has_no_step_and_never_the_request()
    {
        var context = new TestFunctionContext(ApiRoutes.ApproveRequestFunction, "httpTrigger",
            new Dictionary<string, object?> { ["id"] = "mnet-onboard-abc", ["Headers"] = "{\"Authorization\":\"Bearer x\"}" });
        var scope = InvocationScopeMiddleware.ScopeOf(context);
        Assert.Equal(["functionName", "invocationId", "trigger"], scope.Keys.Order());
    }

    [Fact]
    public void The_functions_app_never_references_the_emulator()
    {
        var references = typeof(InvocationScopeMiddleware).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        Assert.DoesNotContain("Mnet.Emulator", references);
    }
}
