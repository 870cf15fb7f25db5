using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mnet.Arm.Models;
using Mnet.Core.Catalog;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.Creation;

/// <summary>
/// The creation plan of a new workspace (pure, recorded once): dependency resources (given, or created with safe
/// defaults), the workspace body with the policy's managed network set at creation, and when to provision.
/// </summary>
public sealed class PlanWorkspaceCreationActivity : IWorkflowActivity<CreateWorkspaceInput, WorkspaceCreationPlan>
{
    public Task<WorkspaceCreationPlan> RunAsync(CreateWorkspaceInput input) => Task.FromResult(Plan(input));

    public static WorkspaceCreationPlan Plan(CreateWorkspaceInput request)
    {
        var policy = request.Policy;
        string workspaceId = ResourceId.WorkspaceId(request.SubscriptionId, request.ResourceGroup, request.Name);
        bool isProject = string.Equals(request.Kind, Prerequisites.ProjectKind, StringComparison.OrdinalIgnoreCase);
        var mode = policy.ManagedNetwork.IsolationMode;
        bool managed = WorkspaceFacts.IsManaged(mode);
        var warnings = new List<string>();

        var dependencies = new List<DependencyPlan>();
        if (!isProject)
        {
            string publicAccess = managed ? "Disabled" : "Enabled";
            var given = request.Dependencies ?? new WorkspaceDependencies();
            Add(dependencies, request, DependencyKind.StorageAccount, given.StorageAccount, $"st{ShortHash(workspaceId, 22)}", publicAccess);
            Add(dependencies, request, DependencyKind.KeyVault, given.KeyVault, $"kv-{ShortHash(workspaceId, 20)}", publicAccess);
            Add(dependencies, request, DependencyKind.ApplicationInsights, given.ApplicationInsights, $"appi-{request.Name}", publicAccess);
            // The registry is created by the service on first use when none is given.
            if (given.ContainerRegistry is { } registry) dependencies.Add(new DependencyPlan(DependencyKind.ContainerRegistry, registry, true));
        }

        string? hubId = null;
        if (isProject)
        {
            hubId = request.HubId ?? throw new ArgumentException("[HubRequired] a Project is created under an existing hub: hubId is required");
        }

        var properties = new WorkspaceProperties
        {
            FriendlyName = request.Name,
            StorageAccount = Dependency(dependencies, DependencyKind.StorageAccount),
            KeyVault = Dependency(dependencies, DependencyKind.KeyVault),
            ApplicationInsights = Dependency(dependencies, DependencyKind.ApplicationInsights),
            ContainerRegistry = Dependency(dependencies, DependencyKind.ContainerRegistry),
            HubResourceId = hubId,
            PublicNetworkAccess = policy.PublicNetworkAccess is null ? null : policy.PublicNetworkAccess == "disabled" ? "Disabled" : "Enabled",
        };

        var deferred = new List<DeferredRule>();
        bool provisionNow = false;
        bool provisionAfterRoles = false;
        // A project uses its hub's managed network: it gets none of its own.
        if (!isProject && managed)
        {
            var synthetic = new Workspace { Id = workspaceId, Name = request.Name, Location = request.Location, Kind = request.Kind, Properties = properties };
            var rules = new Dictionary<string, OutboundRule>(StringComparer.Ordinal);
            bool needsApproverRoles = false;
            var created = dependencies.Select(d => d.ResourceId).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var desired in DesiredRules.For(policy, synthetic))
            {
                var rule = ArmRules.ToArmRule(desired);
                if (rule is PrivateEndpointOutboundRule pe && ResourceId.Same(pe.Destination.ServiceResourceId, workspaceId))
                {
                    deferred.Add(new DeferredRule(desired.Name, rule));
                    continue;
                }

                if (rule is PrivateEndpointOutboundRule target && !created.Contains(target.Destination.ServiceResourceId)) needsApproverRoles = true;
                rules[desired.Name] = rule;
            }

            if (policy.Provisioning.ProvisionNow)
            {
                // Spark is only provisioned through the explicit action; private endpoints needing approval wait for the roles.
                provisionNow = !policy.Provisioning.IncludeSpark && !needsApproverRoles && deferred.Count == 0;
                provisionAfterRoles = !provisionNow;
            }

            if (needsApproverRoles) warnings.Add("private endpoint targets need approver roles: provisioning starts after they are assigned");
            properties = properties with
            {
                ManagedNetwork = new ManagedNetworkSettings
                {
                    IsolationMode = mode,
                    OutboundRules = rules,
                    FirewallSku = policy.ManagedNetwork.FirewallSku is { } sku ? OutboundRules.ArmFirewallSku(sku) : null,
                },
                ProvisionNetworkNow = provisionNow ? true : null,
            };
        }

        var body = new WorkspaceCreateBody
        {
            Location = request.Location,
            Kind = request.Kind,
            Identity = new ManagedServiceIdentity { Type = "SystemAssigned" },
            Tags = request.Tags,
            Properties = properties,
        };
        return new WorkspaceCreationPlan(workspaceId, body, dependencies, provisionNow, provisionAfterRoles, deferred, warnings);
    }

    static void Add(List<DependencyPlan> output, CreateWorkspaceInput request, DependencyKind kind, string? given, string defaultName, string publicAccess)
    {
        if (given is not null)
        {
            output.Add(new DependencyPlan(kind, given, true));
            return;
        }

        string id = $"/subscriptions/{request.SubscriptionId}/resourceGroups/{request.ResourceGroup}/providers/{DependencyTypes.All[kind].Type}/{defaultName}";
        output.Add(new DependencyPlan(kind, id, false, DefaultBody(kind, request, publicAccess)));
    }

    static string? Dependency(List<DependencyPlan> dependencies, DependencyKind kind) =>
        dependencies.FirstOrDefault(d => d.Kind == kind)?.ResourceId;

    /// <summary>Safe defaults: no public blob access, TLS 1.2, RBAC key vault with purge protection; public access off when managed.</summary>
    static GenericResourceBody DefaultBody(DependencyKind kind, CreateWorkspaceInput request, string publicAccess)
    {
        var tags = new Dictionary<string, string>(request.Tags ?? new Dictionary<string, string>()) { ["mnet-autopilot"] = "workspace-dependency" };
        string defaultAction = publicAccess == "Disabled" ? "Deny" : "Allow";
        var acls = new { bypass = "AzureServices", defaultAction };
        return kind switch
        {
            DependencyKind.StorageAccount => new GenericResourceBody
            {
                Location = request.Location, Kind = "StorageV2", Sku = new Sku { Name = "Standard_LRS" }, Tags = tags,
                Properties = Properties(new
                {
                    publicNetworkAccess = publicAccess, allowBlobPublicAccess = false, minimumTlsVersion = "TLS1_2",
                    supportsHttpsTrafficOnly = true, networkAcls = acls,
                }),
            },
            DependencyKind.KeyVault => new GenericResourceBody
            {
                Location = request.Location, Tags = tags,
                Properties = Properties(new
                {
                    sku = new { family = "A", name = "standard" }, enableRbacAuthorization = true, enableSoftDelete = true,
                    enablePurgeProtection = true, publicNetworkAccess = publicAccess, networkAcls = acls, tenantId = request.TenantId,
                }),
            },
            DependencyKind.ApplicationInsights => new GenericResourceBody
            {
                Location = request.Location, Kind = "web", Tags = tags, Properties = Properties(new { Application_Type = "web" }),
            },
            // Private endpoints to a registry need Premium.
            _ => new GenericResourceBody
            {
                Location = request.Location, Sku = new Sku { Name = "Premium" }, Tags = tags,
                Properties = Properties(new { publicNetworkAccess = publicAccess, adminUserEnabled = false }),
            },
        };
    }

    static IReadOnlyDictionary<string, JsonElement> Properties(object value)
    {
        var element = JsonSerializer.SerializeToElement(value, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        return element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    static string ShortHash(string text, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToLowerInvariant())))[..length];
}
