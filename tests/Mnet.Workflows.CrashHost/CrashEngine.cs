using Microsoft.Extensions.DependencyInjection;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Local;
using Mnet.Workflows.Stores;

namespace Mnet.Workflows.CrashHost;

/// <summary>
/// The engine composition of the crash suite, the same in the process that is killed and in the one that takes over:
/// every workflow on the Azure Storage backend with short visibility and lease timeouts (a dead engine's work is
/// taken over within about 10 s), ARM through the given client, documents in the given store.
/// </summary>
public static class CrashEngine
{
    public static LocalEngineOptions Options(string store, string taskHub) => new()
    {
        Store = store,
        TaskHub = taskHub,
        WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(6),
        ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(6),
        LeaseInterval = TimeSpan.FromSeconds(6),
        LeaseRenewInterval = TimeSpan.FromSeconds(2),
        ShutdownTimeout = TimeSpan.FromSeconds(5),
    };

    public static Task<LocalEngine> StartAsync(LocalEngineOptions options, IArmClient arm, IDocumentStore documents) =>
        LocalEngine.StartAsync(options, registry => registry.AddMnetWorkflows(), services =>
        {
            services.AddSingleton(arm);
            services.AddSingleton(documents);
            services.AddMnetActivities(new WorkflowSettings { AllowRoleDefinitionWrites = true });
        });

    /// <summary>The ARM client of the killed process: the emulator's URL, its CA only, a static token.</summary>
    public static ArmClient Arm(CrashHostConfig config) => new(new ArmClientOptions
    {
        Endpoint = new Uri(config.EmulatorUrl),
        Credential = new StaticTokenCredential("local-emulator-token"),
        CaCertificatePem = config.CaCertificatePem,
        Random = () => 0.5,
        RequestsPerSecond = 0,
        WritesPerSecond = 0,
    });
}
