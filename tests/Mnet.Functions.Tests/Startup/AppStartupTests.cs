using System.Diagnostics;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Functions.Authentication;
using Mnet.Functions.Startup;
using Mnet.Functions.Tests.Support;
using Mnet.Service.Configuration;
using Mnet.Service.Http;
using Mnet.Service.Ports;
using Mnet.Service.Tickets;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores;

namespace Mnet.Functions.Tests.Startup;

/// <summary>
/// Port of tests/functions/app-startup.test.ts: settings are read by name and validated before anything else; a bad
/// configuration stops the worker with a message naming the setting; a good one composes the app without I/O.
/// </summary>
public sealed class AppStartupTests
{
    [Fact]
    public async Task A_missing_required_setting_stops_start_up_with_a_message_naming_it()
    {
        // The built worker, as the host starts it, with almost no settings (and Entra approvals without a tenant).
        var (exit, output) = await RunWorkerAsync(new Dictionary<string, string>
        {
            [SettingNames.HostStorage] = "UseDevelopmentStorage=true",
            [SettingNames.WorkerRuntime] = SettingCatalog.DotnetIsolated,
            [SettingNames.ApproverAuth] = "entra",
        });
        Assert.Equal(StartupSettings.InvalidConfigurationExitCode, exit);
        Assert.Contains("MnetSettingsException", output);
        Assert.Contains("MNET_SUBSCRIPTIONS is required", output);
        Assert.Contains("MNET_ENTRA_TENANT_ID", output);
        Assert.Contains("MNET_EVENT_QUEUE_STORAGE", output);
    }

    [Fact]
    public void A_valid_configuration_composes_every_service_without_reaching_anything()
    {
        // Nothing listens on this ARM endpoint and the snapshot folder does not exist: composing must not care.
        var settings = TestSettings.Load(v =>
        {
            v[SettingNames.ArmEndpoint] = "https://127.0.0.1:1";
            v[SettingNames.SnapshotDir] = Path.Combine(Path.GetTempPath(), "mnet-never-created", Guid.NewGuid().ToString("N"));
        });
        using var provider = TestSettings.Compose(settings);
        Assert.NotNull(provider.GetRequiredService<MnetHttpApi>());
        Assert.IsType<TableTicketStore>(provider.GetRequiredService<ITicketStore>());
        Assert.IsType<FunctionKeyAuthenticator>(provider.GetRequiredService<IApproverAuthenticator>());
        Assert.IsType<FolderDocumentStore>(provider.GetRequiredService<IDocumentStore>());
        Assert.False(Directory.Exists(settings.SnapshotDir));
        Assert.IsType<ArmFailureProperties>(provider.GetRequiredService<IExceptionPropertiesProvider>());
    }

    [Fact]
    public void Entra_mode_and_a_snapshot_container_select_the_entra_authenticator_and_blob_documents()
    {
        var settings = TestSettings.Load(v =>
        {
            v[SettingNames.ApproverAuth] = "entra";
            v[SettingNames.EntraTenantId] = "11111111-2222-4333-8444-555555555555";
            v[SettingNames.EntraAudience] = "api://mnet-autopilot";
            v[SettingNames.SnapshotContainerUrl] = "https://stmnet.blob.core.windows.net/snapshots";
        });
        using var provider = TestSettings.Compose(settings);
        Assert.IsType<EntraApproverAuthenticator>(provider.GetRequiredService<IApproverAuthenticator>());
        Assert.IsType<BlobDocumentStore>(provider.GetRequiredService<IDocumentStore>());
    }

    static async Task<(int Exit, string Output)> RunWorkerAsync(IReadOnlyDictionary<string, string> settings)
    {
        string dll = Path.Combine(Path.GetDirectoryName(FunctionsMetadata.Path)!, "Mnet.Functions.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        // Only what the runtime needs plus the settings under test: nothing of this machine's environment leaks in.
        start.Environment.Clear();
        foreach (string name in (string[])["PATH", "HOME", "DOTNET_ROOT", "DOTNET_CLI_HOME"])
        {
            if (Environment.GetEnvironmentVariable(name) is { } value) start.Environment[name] = value;
        }

        foreach (var (name, value) in settings) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
