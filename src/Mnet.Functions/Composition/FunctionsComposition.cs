using Azure.Core;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Functions.Authentication;
using Mnet.Service;
using Mnet.Service.Composition;
using Mnet.Service.Configuration;
using Mnet.Service.Drift;
using Mnet.Service.Http;
using Mnet.Service.Migrations;
using Mnet.Service.Planning;
using Mnet.Service.Policies;
using Mnet.Service.Ports;
using Mnet.Service.Tickets;
using Mnet.Workflows;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Stores.Reports;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Functions.Composition;

/// <summary>
/// The Functions app's services, from the validated settings: one credential, one ARM client, one document store
/// (Blob container when MNET_SNAPSHOT_CONTAINER_URL is set, else MNET_SNAPSHOT_DIR), tickets in the host storage
/// account's table, the app's policies, the approver authenticator, then the application layer and the activities.
/// Clients are built on first use: start-up reads settings only.
/// </summary>
public static class FunctionsComposition
{
    public static IServiceCollection AddMnetFunctions(this IServiceCollection services, MnetSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);

        // Inputs, outputs, events and custom status in ARM's JSON conventions; the Durable extension takes its data
        // converter from the worker's serializer.
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(WorkflowJson.Options));

        services.AddSingleton<TokenCredential>(_ => ArmCredentials.Create(settings.ClientId, settings.IdentityEnvironment));
        services.AddSingleton<IArmClient>(sp => ArmClientFactory.Create(settings, sp.GetRequiredService<TokenCredential>()));
        services.AddSingleton<IDocumentStore>(sp => settings.SnapshotContainerUrl is { } container
            ? BlobDocumentStore.ForContainer(container, sp.GetRequiredService<TokenCredential>())
            : new FolderDocumentStore(Path.GetFullPath(settings.SnapshotDir, AppContext.BaseDirectory)));

        var workflowSettings = new WorkflowSettings
        {
            CustomApproverRoles = settings.CustomApproverRoles,
            // Infra pre-creates the custom approver roles: the app is never granted roleDefinitions/write.
            AllowRoleDefinitionWrites = false,
            TenantId = settings.TenantId,
        };
        services.AddMnetActivities(workflowSettings);
        // ARM failures carry their code and retryability to the orchestrators, whatever the extension registered first.
        services.Replace(ServiceDescriptor.Singleton<IExceptionPropertiesProvider, ArmFailureProperties>());

        services.AddSingleton<ITicketStore>(_ => new TableTicketStore(
            TableServices.For(settings.HostStorage), TableTicketStore.TableNameFor(settings.TaskHub)));
        services.AddSingleton<IPolicySource>(_ => new FolderPolicySource(settings.PolicyPath, settings.PolicyDir));
        services.AddSingleton<IWorkspacePlanning>(sp => new ArmWorkspacePlanning(
            sp.GetRequiredService<IArmClient>(), workflowSettings, settings.Subscriptions, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDriftReportSource>(sp => new StoreDriftReportSource(new DriftReportStore(sp.GetRequiredService<IDocumentStore>())));
        services.AddSingleton<IMigrationCatalog>(sp => new SnapshotMigrationCatalog(sp.GetRequiredService<SnapshotStore>()));
        services.AddSingleton<IApproverAuthenticator>(_ => settings.Entra is { } entra
            ? EntraApproverAuthenticator.ForTenant(entra)
            : new FunctionKeyAuthenticator());
        services.AddMnetService(ServiceOptions.From(settings));
        return services;
    }
}
