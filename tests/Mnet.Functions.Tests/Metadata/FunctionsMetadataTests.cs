using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Functions.Tests.Support;
using Mnet.Service.Http;
using Mnet.TestSupport.Repository;
using Mnet.Workflows;

namespace Mnet.Functions.Tests.Metadata;

/// <summary>
/// The deployable app as the Functions host will load it (functions.metadata, written by the Worker SDK at build time)
/// against the contract docs/api.md states: every function, trigger, route, methods, queue and schedule; nothing
/// missing, nothing extra. No Functions host runs here: this file is what proves the triggers.
/// </summary>
public sealed class FunctionsMetadataTests
{
    static readonly IReadOnlyList<FunctionEntry> Built = FunctionsMetadata.Load();
    static readonly IReadOnlyList<DocumentedFunction> Documented = ApiDocFunctions.Load();

    [Fact]
    public void Every_built_function_is_documented_and_every_documented_function_is_built()
    {
        var built = Built.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var documented = Documented.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(documented.Count, Documented.Count);
        Assert.Empty(built.Except(documented).Order());
        Assert.Empty(documented.Except(built).Order());
    }

    [Fact]
    public void Each_function_has_the_documented_trigger_route_methods_queue_and_schedule()
    {
        var problems = new List<string>();
        foreach (var doc in Documented)
        {
            var entry = Built.SingleOrDefault(f => f.Name == doc.Name);
            if (entry is null) continue;
            var trigger = entry.Trigger;
            void Expect(string what, object? expected, object? actual)
            {
                if (!Equals(expected, actual)) problems.Add($"{doc.Name}: {what} is {actual ?? "(none)"}, docs/api.md says {expected ?? "(none)"}");
            }

            Expect("trigger", doc.TriggerType, trigger.Type);
            Expect("methods", string.Join(',', doc.Methods.Order()), string.Join(',', trigger.Methods.Order()));
            Expect("route", doc.Route, trigger.Route);
            Expect("queue", doc.Queue, trigger.QueueName);
            Expect("connection", doc.Connection, trigger.Connection);
            Expect("schedule", doc.Schedule, trigger.Schedule);
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_documented_tables_cover_every_kind_of_trigger()
    {
        var kinds = Documented.GroupBy(f => f.TriggerType).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, kinds["httpTrigger"]);
        Assert.Equal(1, kinds["queueTrigger"]);
        Assert.Equal(1, kinds["timerTrigger"]);
        Assert.True(kinds["orchestrationTrigger"] >= 7);
        Assert.True(kinds["activityTrigger"] >= 20);
    }

    [Fact]
    public void The_http_functions_are_the_route_table_both_edges_serve()
    {
        using var provider = TestSettings.Compose(TestSettings.Load());
        var api = provider.GetRequiredService<MnetHttpApi>();
        var expected = api.Routes.Select(r => $"{r.FunctionName} {r.Method} {r.Template}")
            .Append($"{ApiRoutes.EventGridWebhookFunction} OPTIONS {ApiRoutes.Events}")
            .Order();
        var built = Built.Where(f => f.Trigger.Type == "httpTrigger")
            .SelectMany(f => f.Trigger.Methods.Select(m => $"{f.Name} {m} {f.Trigger.Route}"))
            .Order();
        Assert.Equal(expected, built);
        foreach (var route in api.Routes)
        {
            var entry = Built.Single(f => f.Name == route.FunctionName);
            Assert.Equal("Function", entry.Trigger.AuthLevel);
            Assert.Equal(route.NeedsDurableClient, entry.HasDurableClient);
            Assert.Contains(entry.Bindings, b => b.Type == "http" && b.Direction == "Out");
        }
    }

    [Fact]
    public void The_queue_and_timer_triggers_use_the_settings_and_a_durable_client()
    {
        var queue = Built.Single(f => f.Name == ApiRoutes.EventGridQueueFunction);
        Assert.Equal("%MNET_EVENT_QUEUE%", queue.Trigger.QueueName);
        Assert.Equal("MNET_EVENT_QUEUE_STORAGE", queue.Trigger.Connection);
        Assert.True(queue.HasDurableClient);
        var timer = Built.Single(f => f.Name == ApiRoutes.DriftTimerFunction);
        Assert.Equal("%MNET_DRIFT_SCHEDULE%", timer.Trigger.Schedule);
        Assert.True(timer.Trigger.UseMonitor);
        Assert.True(timer.HasDurableClient);
    }

    [Fact]
    public void Every_workflow_name_is_a_durable_function_with_its_trigger()
    {
        var names = typeof(WorkflowNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(WorkflowNames.ApprovalEvent))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        var durable = Built.Where(f => f.Trigger.Type is "orchestrationTrigger" or "activityTrigger").ToList();
        Assert.Equal(names.Order(), durable.Select(f => f.Name).Order());
        string[] orchestrators =
        [
            WorkflowNames.OnboardWorkspace, WorkflowNames.ProvisionNetwork, WorkflowNames.AssignApproverRoles, WorkflowNames.MigrateComputes,
            WorkflowNames.ResumeMigration, WorkflowNames.DriftScan, WorkflowNames.CreateWorkspace,
        ];
        Assert.Equal(orchestrators.Order(), durable.Where(f => f.Trigger.Type == "orchestrationTrigger").Select(f => f.Name).Order());
        // Remediation starts onboardings itself: the only activity with a durable client.
        Assert.Equal([WorkflowNames.StartRemediation], durable.Where(f => f.HasDurableClient).Select(f => f.Name));
    }

    [Fact]
    public void The_build_ships_the_repository_host_json_for_the_isolated_worker()
    {
        string built = File.ReadAllText(Path.Combine(Path.GetDirectoryName(FunctionsMetadata.Path)!, "host.json"));
        Assert.Equal(File.ReadAllText(RepositoryRoot.Combine("host.json")), built);
        var host = JsonNode.Parse(built)!.AsObject();
        // The isolated worker brings its extensions (extensions.json); a bundle is for other languages.
        Assert.False(host.ContainsKey("extensionBundle"));
        Assert.Equal("%MNET_TASK_HUB%", (string?)host["extensions"]!["durableTask"]!["hubName"]);
        Assert.True((bool?)host["extensions"]!["durableTask"]!["tracing"]!["distributedTracingEnabled"]);
        Assert.Equal("V2", (string?)host["extensions"]!["durableTask"]!["tracing"]!["version"]);
        Assert.Equal("api", (string?)host["extensions"]!["http"]!["routePrefix"]);
        // Event Grid's storage queue destination writes base64 messages.
        Assert.Equal("base64", (string?)host["extensions"]!["queues"]!["messageEncoding"]);
        var extensions = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(FunctionsMetadata.Path)!, "extensions.json")))!;
        var names = extensions["extensions"]!.AsArray().Select(e => (string?)e!["name"]).ToList();
        Assert.Contains("DurableTask", names);
        Assert.Contains("AzureStorageQueues", names);
    }
}
