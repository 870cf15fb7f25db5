using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Mnet.Functions.Tests.Support;
using Mnet.Functions.Triggers.Events;
using Mnet.Functions.Triggers.Http;
using Mnet.Functions.Triggers.Timers;
using Mnet.Service.Events;
using Mnet.Workflows;
using Mnet.Workflows.Durable;

namespace Mnet.Functions.Tests.Triggers;

/// <summary>
/// The non-HTTP triggers called as the worker calls them (port of the last case of tests/functions/register.test.ts,
/// plus the Event Grid trigger's failure cases): they run the service and return nothing to the host.
/// </summary>
public sealed class TriggerFunctionTests
{
    static string WriteEvent(string workspaceId) => new JsonArray(new JsonObject
    {
        ["id"] = "e",
        ["topic"] = $"/subscriptions/{ServeRig.Sub}",
        ["subject"] = workspaceId,
        ["eventType"] = "Microsoft.Resources.ResourceWriteSuccess",
        ["eventTime"] = "2025-01-01T00:00:00Z",
        ["dataVersion"] = "2",
        ["metadataVersion"] = "1",
        ["data"] = new JsonObject { ["resourceUri"] = workspaceId, ["operationName"] = "Microsoft.MachineLearningServices/workspaces/write" },
    }).ToJsonString();

    [Fact]
    public async Task The_queue_and_timer_triggers_run_the_service_and_return_nothing_to_the_host()
    {
        Assert.Equal(typeof(Task), typeof(EventGridQueueFunction).GetMethod(nameof(EventGridQueueFunction.RunAsync))!.ReturnType);
        Assert.Equal(typeof(Task), typeof(DriftTimerFunction).GetMethod(nameof(DriftTimerFunction.RunAsync))!.ReturnType);

        await using var rig = await ServeRig.StartAsync();
        var app = rig.Server.Api.Application;
        // Event Grid's queue destination writes base64 JSON.
        string message = Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteEvent(ServeRig.WsInternet)));
        await new EventGridQueueFunction(app, new ListLogger<EventGridQueueFunction>()).RunAsync(message, rig.Client, new TestFunctionContext());
        await new DriftTimerFunction(app, new ListLogger<DriftTimerFunction>()).RunAsync(new TimerInfo { IsPastDue = false }, rig.Client, new TestFunctionContext());

        var names = new List<string>();
        await foreach (var instance in rig.Client.GetAllInstancesAsync()) names.Add(instance.Name);
        Assert.Equal([WorkflowNames.DriftScan, WorkflowNames.OnboardWorkspace], names.Order());
        var onboarding = await rig.Client.GetInstanceAsync(WorkflowInstanceIds.ForWorkspace(ServeRig.WsInternet));
        Assert.NotNull(onboarding);
    }

    [Fact]
    public async Task A_failing_start_is_rethrown_so_the_queue_redelivers_and_is_logged()
    {
        await using var rig = await ServeRig.StartAsync();
        var log = new ListLogger<EventGridQueueFunction>();
        var function = new EventGridQueueFunction(rig.Server.Api.Application, log);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            function.RunAsync(WriteEvent(ServeRig.WsInternet), NoDurableClient.Instance, new TestFunctionContext()));
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Error && l.Message.StartsWith("event.failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_that_is_not_event_grid_json_is_rethrown_for_the_poison_queue()
    {
        await using var rig = await ServeRig.StartAsync();
        var log = new ListLogger<EventGridQueueFunction>();
        var function = new EventGridQueueFunction(rig.Server.Api.Application, log);
        await Assert.ThrowsAsync<EventGridFormatException>(() => function.RunAsync("not json, not base64 !", rig.Client, new TestFunctionContext()));
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Error && l.Message.StartsWith("event.malformed", StringComparison.Ordinal));
        await foreach (var _ in rig.Client.GetAllInstancesAsync()) Assert.Fail("nothing may start");
    }

    [Fact]
    public void Every_trigger_is_a_function_of_one_file_and_one_public_method()
    {
        var triggers = typeof(EventGridQueueFunction).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Mnet.Functions.Triggers", StringComparison.Ordinal) == true && t.IsPublic)
            .ToList();
        Assert.Equal(12, triggers.Count);
        foreach (var type in triggers)
        {
            var functions = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            Assert.Single(functions);
            Assert.NotNull(functions[0].GetCustomAttribute<FunctionAttribute>());
        }
    }
}
