using Microsoft.Extensions.Configuration;
using Mnet.Service.Configuration;
using static Mnet.Service.Tests.Configuration.SettingsFixture;

namespace Mnet.Service.Tests.Configuration;

/// <summary>Port of tests/service/app-config.test.ts: start-up validation by name, every problem at once.</summary>
public class MnetSettingsLoaderTests
{
    [Fact]
    public void A_minimal_configuration_loads_with_defaults()
    {
        var settings = MnetSettingsLoader.Load(Base());
        Assert.Equal(["00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-00000000000a"], settings.Subscriptions);
        Assert.Equal(ApproverAuthMode.FunctionKey, settings.ApproverAuth);
        Assert.Null(settings.Entra);
        Assert.Equal(262144, settings.MaxBodyBytes);
        Assert.Equal("0 0 */6 * * *", settings.DriftSchedule);
        Assert.Equal("policies/default.yaml", settings.PolicyPath);
        Assert.Equal("UseDevelopmentStorage=true", settings.HostStorage.ConnectionString);
        Assert.False(settings.HostStorage.IsIdentityBased);
        Assert.Equal("workspace-events", settings.EventQueue);
        Assert.Equal(1, settings.ArmMaxInstances);
        Assert.Equal(new Uri("https://management.azure.com"), settings.ArmEndpoint);
        Assert.Null(settings.Telemetry);
        Assert.Empty(settings.CustomApproverRoles);
        Assert.True(settings.IsConfiguredSubscription("00000000-0000-0000-0000-00000000000A"));
        Assert.False(settings.IsConfiguredSubscription("00000000-0000-0000-0000-000000000002"));
    }

    [Fact]
    public void Without_MNET_APPROVER_AUTH_approvals_need_Entra_and_start_up_stops_without_the_tenant_settings()
    {
        // Fail closed (issue 16): only an explicit function-key selects the local mode.
        var problems = ProblemsOf(With(("MNET_APPROVER_AUTH", null)));
        Assert.Contains(problems, p => p.StartsWith("MNET_ENTRA_TENANT_ID", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("MNET_ENTRA_AUDIENCE", StringComparison.Ordinal));

        var settings = MnetSettingsLoader.Load(With(
            ("MNET_APPROVER_AUTH", null),
            ("MNET_ENTRA_TENANT_ID", "11111111-2222-4333-8444-555555555555"),
            ("MNET_ENTRA_AUDIENCE", "api://mnet")));
        Assert.Equal(ApproverAuthMode.Entra, settings.ApproverAuth);
        Assert.Equal("entra", SettingCatalog.All.Single(s => s.Name == SettingNames.ApproverAuth).DefaultValue);
    }

    [Fact]
    public void A_missing_required_setting_stops_start_up_with_a_message_naming_it()
    {
        var problems = ProblemsOf(With(("MNET_SUBSCRIPTIONS", null)));
        Assert.Single(problems);
        Assert.StartsWith("MNET_SUBSCRIPTIONS is required", problems[0], StringComparison.Ordinal);

        var all = Assert.Throws<MnetSettingsException>(() => MnetSettingsLoader.Load(new Dictionary<string, string?>()));
        foreach (var name in new[] { "AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", "MNET_SUBSCRIPTIONS", "MNET_EVENT_QUEUE_STORAGE" })
        {
            Assert.Contains(name, all.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_problem_is_listed_at_once_including_the_cross_field_ones()
    {
        var problems = ProblemsOf(With(
            ("MNET_SUBSCRIPTIONS", "prod"), ("MNET_APPROVER_AUTH", "basic"), ("MNET_MAX_BODY_BYTES", "1.5"),
            ("MNET_ARM_MAX_INSTANCES", "4")));
        Assert.Equal(
            ["MNET_SUBSCRIPTIONS", "MNET_APPROVER_AUTH", "MNET_MAX_BODY_BYTES", "MNET_ARM_REQUESTS_PER_SECOND", "MNET_ARM_WRITES_PER_SECOND"],
            NamesOf(problems));
    }

    [Fact]
    public void Entra_approver_auth_needs_tenant_and_audience()
    {
        var problems = ProblemsOf(With(("MNET_APPROVER_AUTH", "entra")));
        Assert.Equal(["MNET_ENTRA_TENANT_ID", "MNET_ENTRA_AUDIENCE"], NamesOf(problems));

        var settings = MnetSettingsLoader.Load(With(
            ("MNET_APPROVER_AUTH", "entra"),
            ("MNET_ENTRA_TENANT_ID", "11111111-2222-4333-8444-555555555555"),
            ("MNET_ENTRA_AUDIENCE", "api://mnet-autopilot, 6f1c0e2a-0000-4000-8000-000000000001")));
        Assert.Equal(ApproverAuthMode.Entra, settings.ApproverAuth);
        Assert.NotNull(settings.Entra);
        Assert.Equal("11111111-2222-4333-8444-555555555555", settings.Entra.TenantId);
        Assert.Equal(["api://mnet-autopilot", "6f1c0e2a-0000-4000-8000-000000000001"], settings.Entra.Audiences);
        Assert.Equal("Mnet.Approver", settings.Entra.ApproverRole);
    }

    [Fact]
    public void Identity_based_host_storage_counts_as_configured()
    {
        var settings = MnetSettingsLoader.Load(With(
            ("AzureWebJobsStorage", null),
            ("AzureWebJobsStorage__accountName", "stmnetprod"),
            ("AzureWebJobsStorage__credential", "managedidentity"),
            ("AzureWebJobsStorage__clientId", "6f1c0e2a-0000-4000-8000-000000000001"),
            ("AzureWebJobsStorage__tableServiceUri", "https://stmnetprod.table.core.windows.net")));
        Assert.True(settings.HostStorage.IsIdentityBased);
        Assert.Equal("stmnetprod", settings.HostStorage.AccountName);
        Assert.Equal("6f1c0e2a-0000-4000-8000-000000000001", settings.HostStorage.ClientId);
        Assert.Equal(new Uri("https://stmnetprod.table.core.windows.net"), settings.HostStorage.TableServiceUri);
        Assert.Equal("identity:stmnetprod", settings.Values["AzureWebJobsStorage"]);
    }

    [Fact]
    public void Arm_retries_are_whole_numbers_and_rates_any_positive_number()
    {
        Assert.Equal(0, MnetSettingsLoader.Load(With(("MNET_ARM_MAX_RETRIES", "0"))).ArmMaxRetries);
        Assert.Equal(3, MnetSettingsLoader.Load(With(("MNET_ARM_MAX_RETRIES", "3"))).ArmMaxRetries);
        foreach (var bad in new[] { "2.5", "-1", "1e2", "six" })
        {
            Assert.Equal(["MNET_ARM_MAX_RETRIES"], NamesOf(ProblemsOf(With(("MNET_ARM_MAX_RETRIES", bad)))));
        }

        Assert.Equal(0.5, MnetSettingsLoader.Load(With(("MNET_ARM_WRITES_PER_SECOND", "0.5"))).ArmWritesPerSecond);
        foreach (var bad in new[] { "0", "-2", "fast", "NaN", "Infinity" })
        {
            Assert.Equal(["MNET_ARM_WRITES_PER_SECOND"], NamesOf(ProblemsOf(With(("MNET_ARM_WRITES_PER_SECOND", bad)))));
        }

        Assert.Equal(20, MnetSettingsLoader.Load(Base()).ArmRequestsPerSecond);
        Assert.Equal(12, MnetSettingsLoader.Load(With(("MNET_ARM_REQUESTS_PER_SECOND", "12"))).ArmRequestsPerSecond);
        foreach (var bad in new[] { "0", "-2", "fast" })
        {
            Assert.Equal(["MNET_ARM_REQUESTS_PER_SECOND"], NamesOf(ProblemsOf(With(("MNET_ARM_REQUESTS_PER_SECOND", bad)))));
        }
    }

    [Fact]
    public void The_ca_file_is_checked_at_start_up_naming_the_setting()
    {
        var dir = Directory.CreateTempSubdirectory("mnet-cfg-").FullName;
        try
        {
            var missing = ProblemsOf(With(("MNET_ARM_CA_FILE", Path.Combine(dir, "nope.pem"))));
            Assert.Single(missing);
            Assert.Matches("^MNET_ARM_CA_FILE .*nope\\.pem.*cannot be read", missing[0]);
            Assert.Matches("^MNET_ARM_CA_FILE .* is not a file", ProblemsOf(With(("MNET_ARM_CA_FILE", dir)))[0]);

            var pem = Path.Combine(dir, "ca.pem");
            File.WriteAllText(pem, "-----BEGIN CERTIFICATE-----\n");
            Assert.Equal(pem, MnetSettingsLoader.Load(With(("MNET_ARM_CA_FILE", pem))).ArmCaFile);
            Assert.Null(MnetSettingsLoader.Load(Base()).ArmCaFile);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_catalog_itself_accepts_identity_based_host_storage_and_the_plain_setting_wins()
    {
        var values = SettingsEvaluator.Evaluate(With(("AzureWebJobsStorage", null), ("AzureWebJobsStorage__accountName", "stmnet")));
        Assert.Empty(values.Problems);
        Assert.Equal("identity:stmnet", values.Values["AzureWebJobsStorage"]);

        var both = SettingsEvaluator.Evaluate(With(("AzureWebJobsStorage__accountName", "stmnet")));
        Assert.Equal("UseDevelopmentStorage=true", both.Values["AzureWebJobsStorage"]);

        var neither = Assert.Throws<MnetSettingsException>(() => MnetSettingsLoader.Load(With(("AzureWebJobsStorage", null))));
        Assert.Contains("AzureWebJobsStorage is required (or AzureWebJobsStorage__accountName)", neither.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_managed_identity_variables_are_captured_at_start_up_for_the_credential()
    {
        var settings = MnetSettingsLoader.Load(With(("IDENTITY_ENDPOINT", "http://localhost:8081/msi/token"), ("UNRELATED", "x")));
        Assert.Equal(
            new Dictionary<string, string?> { ["IDENTITY_ENDPOINT"] = "http://localhost:8081/msi/token" },
            settings.IdentityEnvironment);
        Assert.Empty(MnetSettingsLoader.Load(Base()).IdentityEnvironment);
    }

    [Fact]
    public void The_event_queue_and_its_identity_based_connection_load_as_infra_sets_them()
    {
        var settings = MnetSettingsLoader.Load(With(
            ("MNET_EVENT_QUEUE_STORAGE", null),
            ("MNET_EVENT_QUEUE_STORAGE__queueServiceUri", "https://stmnetprod.queue.core.windows.net"),
            ("MNET_EVENT_QUEUE_STORAGE__credential", "managedidentity"),
            ("MNET_EVENT_QUEUE_STORAGE__clientId", "6f1c0e2a-0000-4000-8000-000000000001"),
            ("MNET_EVENT_QUEUE", "mnet-events")));
        Assert.Equal("mnet-events", settings.EventQueue);
        Assert.True(settings.EventQueueStorage.IsIdentityBased);
        Assert.Equal(new Uri("https://stmnetprod.queue.core.windows.net"), settings.EventQueueStorage.QueueServiceUri);

        var problems = ProblemsOf(With(
            ("MNET_EVENT_QUEUE", "Workspace_Events"),
            ("MNET_EVENT_QUEUE_STORAGE", null),
            ("MNET_EVENT_QUEUE_STORAGE__queueServiceUri", "http://stmnetprod.queue.core.windows.net"),
            ("MNET_EVENT_QUEUE_STORAGE__credential", "connectionstring")));
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("MNET_EVENT_QUEUE must be a storage queue name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("MNET_EVENT_QUEUE_STORAGE__queueServiceUri must be an https URL", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("MNET_EVENT_QUEUE_STORAGE__credential must be \"managedidentity\"", StringComparison.Ordinal));

        Assert.Contains("MNET_EVENT_QUEUE_STORAGE is required (or MNET_EVENT_QUEUE_STORAGE__queueServiceUri)",
            ProblemsOf(With(("MNET_EVENT_QUEUE_STORAGE", null)))[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_worker_runtime_must_be_the_isolated_worker()
    {
        Assert.Equal("dotnet-isolated", MnetSettingsLoader.Load(Base()).WorkerRuntime);
        var problem = Assert.Single(ProblemsOf(With(("FUNCTIONS_WORKER_RUNTIME", "node"))));
        Assert.Equal("FUNCTIONS_WORKER_RUNTIME must be \"dotnet-isolated\" (got \"node\")", problem);
    }

    [Fact]
    public void Telemetry_by_entra_reads_the_identity_from_the_authentication_string()
    {
        const string Component = "InstrumentationKey=00000000-0000-4000-8000-0000000000aa;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/";
        var settings = MnetSettingsLoader.Load(With(
            ("APPLICATIONINSIGHTS_CONNECTION_STRING", Component),
            ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "ClientId=6f1c0e2a-0000-4000-8000-000000000001;Authorization=AAD")));
        Assert.Equal(new TelemetrySettings(Component, true, "6f1c0e2a-0000-4000-8000-000000000001"), settings.Telemetry);

        Assert.Equal(["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"],
            NamesOf(ProblemsOf(With(("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=AAD")))));
        Assert.Equal(["APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"],
            NamesOf(ProblemsOf(With(
                ("APPLICATIONINSIGHTS_CONNECTION_STRING", "IngestionEndpoint=https://x"),
                ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=Key")))));
    }

    [Fact]
    public void Custom_approver_roles_load_by_catalog_type_and_bad_pairs_are_named()
    {
        var settings = MnetSettingsLoader.Load(With(("MNET_CUSTOM_APPROVER_ROLES",
            "microsoft.datafactory/factories=00000000-0000-4000-8000-00000000000A; Microsoft.Databricks/workspaces=00000000-0000-4000-8000-000000000002")));
        Assert.Equal("00000000-0000-4000-8000-00000000000a", settings.CustomApproverRoles["Microsoft.DataFactory/factories"]);
        Assert.Equal(2, settings.CustomApproverRoles.Count);

        var parse = CustomApproverRolesSetting.Parse(
            "Microsoft.Storage/storageAccounts=00000000-0000-4000-8000-000000000001;Microsoft.DataFactory/factories=not-a-guid;" +
            "Contoso.Widgets/widgets=00000000-0000-4000-8000-000000000001;nonsense");
        Assert.Equal(4, parse.Problems.Count);
        Assert.Contains("covered by the built-in approver role", parse.Problems[0], StringComparison.Ordinal);
        Assert.Contains("not a role definition GUID", parse.Problems[1], StringComparison.Ordinal);
        Assert.Contains("not a private endpoint target type", parse.Problems[2], StringComparison.Ordinal);
        Assert.Contains("is not <resourceType>=<roleDefinitionGuid>", parse.Problems[3], StringComparison.Ordinal);
        Assert.Equal(["MNET_CUSTOM_APPROVER_ROLES"], NamesOf(ProblemsOf(With(("MNET_CUSTOM_APPROVER_ROLES", "nonsense")))));
    }

    [Fact]
    public void The_drift_schedule_task_hub_and_urls_are_checked()
    {
        var problems = ProblemsOf(With(
            ("MNET_DRIFT_SCHEDULE", "0 */6 * * *"),
            ("MNET_TASK_HUB", "mnet-hub"),
            ("MNET_SNAPSHOT_CONTAINER_URL", "http://example.com/c"),
            ("MNET_ARM_ENDPOINT", "management.azure.com"),
            ("AZURE_CLIENT_ID", "not-a-guid")));
        Assert.Equal(
            ["MNET_TASK_HUB", "MNET_ARM_ENDPOINT", "AZURE_CLIENT_ID", "MNET_DRIFT_SCHEDULE", "MNET_SNAPSHOT_CONTAINER_URL"],
            NamesOf(problems));
        Assert.Contains("six fields", problems[3], StringComparison.Ordinal);
        Assert.Equal(["MNET_DRIFT_SCHEDULE"], NamesOf(ProblemsOf(With(("MNET_DRIFT_SCHEDULE", "0 0 */6 * * mondays")))));
    }

    [Fact]
    public void Configuration_keys_with_sections_are_read_as_double_underscore_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:accountName"] = "stmnetprod",
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["MNET_SUBSCRIPTIONS"] = "00000000-0000-0000-0000-000000000001",
            ["MNET_EVENT_QUEUE_STORAGE:queueServiceUri"] = "https://stmnetprod.queue.core.windows.net",
            ["MNET_APPROVER_AUTH"] = "function-key",
        }).Build();
        var settings = MnetSettingsLoader.Load(configuration);
        Assert.Equal("stmnetprod", settings.HostStorage.AccountName);
        Assert.Equal(new Uri("https://stmnetprod.queue.core.windows.net"), settings.EventQueueStorage.QueueServiceUri);
    }

    [Fact]
    public void Blank_values_count_as_absent_and_take_the_default()
    {
        var settings = MnetSettingsLoader.Load(With(("MNET_TASK_HUB", "  "), ("MNET_MAX_BODY_BYTES", "")));
        Assert.Equal("mnetautopilot", settings.TaskHub);
        Assert.Equal(262144, settings.MaxBodyBytes);
    }
}
