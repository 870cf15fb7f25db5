using Mnet.Arm.Lro;
using Mnet.Arm.Models;
using Mnet.Arm.Recreate;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Arm;

/// <summary>
/// What activities, the CLI and the scanner may ask of Azure Resource Manager; <see cref="ArmClient"/> is the real one
/// (Azure or the local emulator, same code path). Ids are full ARM ids. Reads throw <c>ArmNotFoundException</c> for
/// 404 (see <c>NotFoundAsNullAsync</c>); <c>Begin*</c> sends the first request and returns a serializable
/// <see cref="LroHandle"/> to poll with <see cref="PollOperationAsync"/>; <c>*AndWait</c> blocks until the operation
/// ends, waiting on the client's TimeProvider. Failures are <c>ArmException</c> subtypes; caller mistakes are
/// <c>ArmUsageException</c>, raised before any request.
/// </summary>
public interface IArmClient
{
    /// <summary>Origin of the ARM endpoint in use.</summary>
    string Endpoint { get; }

    // Workspaces
    Task<Workspace> GetWorkspaceAsync(string workspaceId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Workspace>> ListWorkspacesAsync(string subscriptionId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Workspace>> ListWorkspacesInResourceGroupAsync(
        string subscriptionId, string resourceGroup, CancellationToken cancellationToken = default);
    /// <summary>
    /// PATCHes only the network fields of <paramref name="patch"/>, re-sending the current isolation mode, firewall SKU
    /// and managed-network kind it does not set; waits for the write; throws <c>ManagedNetworkRulesLostException</c>
    /// if user-defined rules are gone after it. <paramref name="ifMatch"/> sends If-Match (412 -> ArmPreconditionFailedException).
    /// </summary>
    Task<Workspace> PatchWorkspaceNetworkAsync(
        string workspaceId, WorkspaceNetworkPatch patch, string? ifMatch = null, WaitOptions? wait = null,
        CancellationToken cancellationToken = default);
    /// <summary>PUT of a NEW workspace; an existing one is refused (ArmResourceAlreadyExistsException), never overwritten.</summary>
    Task<LroHandle> BeginCreateWorkspaceAsync(
        string workspaceId, WorkspaceCreateBody body, CancellationToken cancellationToken = default);
    Task<Workspace> CreateWorkspaceAndWaitAsync(
        string workspaceId, WorkspaceCreateBody body, WaitOptions? wait = null, CancellationToken cancellationToken = default);

    // Outbound rules: writes are serialized per workspace and wait for their own completion.
    Task<IReadOnlyList<OutboundRuleResource>> ListOutboundRulesAsync(
        string workspaceId, CancellationToken cancellationToken = default);
    Task<OutboundRuleResource> GetOutboundRuleAsync(
        string workspaceId, string ruleName, CancellationToken cancellationToken = default);
    Task<OutboundRuleResource> PutOutboundRuleAsync(
        string workspaceId, string ruleName, OutboundRule rule, WaitOptions? wait = null,
        CancellationToken cancellationToken = default);
    Task DeleteOutboundRuleAsync(
        string workspaceId, string ruleName, WaitOptions? wait = null, CancellationToken cancellationToken = default);

    // Managed network
    Task<LroHandle> BeginProvisionManagedNetworkAsync(
        string workspaceId, bool includeSpark = false, CancellationToken cancellationToken = default);
    Task<ManagedNetworkStatus> ProvisionManagedNetworkAndWaitAsync(
        string workspaceId, bool includeSpark = false, WaitOptions? wait = null,
        CancellationToken cancellationToken = default);

    // Long-running operations
    /// <summary>ONE poll; a Failed/Canceled operation is a result (see Error); throws when the poll itself fails.</summary>
    Task<LroPollResult> PollOperationAsync(LroHandle handle, CancellationToken cancellationToken = default);
    /// <summary>Polls until the end; throws ArmOperationFailedException with the operation's code when it fails.</summary>
    Task<LroPollResult> WaitForOperationAsync(
        LroHandle handle, WaitOptions? wait = null, CancellationToken cancellationToken = default);

    // Computes ({workspaceId}/computes/{name})
    Task<ComputeResource> GetComputeAsync(string computeId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ComputeResource>> ListComputesAsync(string workspaceId, CancellationToken cancellationToken = default);
    Task<LroHandle> BeginCreateComputeAsync(
        string computeId, ComputeCreateBody body, CancellationToken cancellationToken = default);
    Task<ComputeResource> CreateComputeAndWaitAsync(
        string computeId, ComputeCreateBody body, WaitOptions? wait = null, CancellationToken cancellationToken = default);
    /// <summary>DELETE with underlyingResourceAction=Delete (the VMs go too).</summary>
    Task<LroHandle> BeginDeleteComputeAsync(string computeId, CancellationToken cancellationToken = default);
    Task DeleteComputeAndWaitAsync(string computeId, WaitOptions? wait = null, CancellationToken cancellationToken = default);
    Task<LroHandle> BeginStartComputeAsync(string computeId, CancellationToken cancellationToken = default);
    Task<LroHandle> BeginStopComputeAsync(string computeId, CancellationToken cancellationToken = default);

    // Online endpoints and deployments ({workspaceId}/onlineEndpoints/{ep}[/deployments/{dep}])
    Task<OnlineEndpoint> GetOnlineEndpointAsync(string endpointId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<OnlineEndpoint>> ListOnlineEndpointsAsync(
        string workspaceId, CancellationToken cancellationToken = default);
    /// <summary>PUT; also how traffic is (re)applied once the deployments exist.</summary>
    Task<LroHandle> BeginCreateOnlineEndpointAsync(
        string endpointId, OnlineEndpointCreateBody body, CancellationToken cancellationToken = default);
    Task<LroHandle> BeginDeleteOnlineEndpointAsync(string endpointId, CancellationToken cancellationToken = default);
    Task<OnlineDeployment> GetOnlineDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<OnlineDeployment>> ListOnlineDeploymentsAsync(
        string endpointId, CancellationToken cancellationToken = default);
    Task<LroHandle> BeginCreateOnlineDeploymentAsync(
        string deploymentId, OnlineDeploymentCreateBody body, CancellationToken cancellationToken = default);
    Task<LroHandle> BeginDeleteOnlineDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default);

    // Role-based access control
    /// <summary>PUT under a deterministic name; 409 RoleAssignmentExists counts as done.</summary>
    Task<RoleAssignmentPutResult> PutRoleAssignmentAsync(
        RoleAssignmentInput input, CancellationToken cancellationToken = default);
    Task<RoleAssignment> GetRoleAssignmentAsync(string scope, string name, CancellationToken cancellationToken = default);
    /// <summary>Assignments at (and, as ARM answers, around) a scope; a principal filters server- and client-side.</summary>
    Task<IReadOnlyList<RoleAssignment>> ListRoleAssignmentsAsync(
        string scope, string? principalId = null, CancellationToken cancellationToken = default);
    /// <summary>A custom role under a deterministic name (scope + role name): re-running updates the same definition.</summary>
    Task<RoleDefinition> PutRoleDefinitionAsync(RoleDefinitionInput input, CancellationToken cancellationToken = default);
    Task<RoleDefinition> GetRoleDefinitionAsync(
        string scope, string roleDefinitionId, CancellationToken cancellationToken = default);
    /// <summary>The caller's own effective permissions at a scope (GET {scope}/providers/Microsoft.Authorization/permissions).</summary>
    Task<IReadOnlyList<RolePermission>> ListPermissionsAsync(string scope, CancellationToken cancellationToken = default);

    // Resource Graph
    /// <summary>Every row across all subscriptions (batched, paged with $top/$skipToken); none for no subscriptions.</summary>
    Task<IReadOnlyList<T>> QueryResourceGraphAsync<T>(
        string query, IReadOnlyCollection<string> subscriptions, ResourceGraphOptions? options = null,
        CancellationToken cancellationToken = default);

    // Subscriptions and prerequisites
    Task<ArmSubscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default);
    /// <summary>The subscriptions the identity can see.</summary>
    Task<IReadOnlyList<ArmSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken = default);
    /// <summary>e.g. "Registered", "NotRegistered", "Registering".</summary>
    Task<string> GetProviderRegistrationStateAsync(
        string subscriptionId, string providerNamespace = Prerequisites.RequiredResourceProvider,
        CancellationToken cancellationToken = default);
    /// <summary>Locks listed at a resource group or resource scope.</summary>
    Task<IReadOnlyList<ManagementLock>> ListLocksAsync(string scopeId, CancellationToken cancellationToken = default);

    // Dependencies and resource groups
    /// <summary>Any resource of a type the client reads (its api-version is known); other types are refused.</summary>
    Task<GenericResource> GetResourceAsync(
        string resourceId, string? apiVersion = null, CancellationToken cancellationToken = default);
    Task<GenericResource> GetDependencyAsync(
        DependencyKind kind, string resourceId, CancellationToken cancellationToken = default);
    /// <summary>PUT a dependency resource and wait for it (storage answers 202).</summary>
    Task<GenericResource> PutDependencyAsync(
        DependencyKind kind, string resourceId, GenericResourceBody body, WaitOptions? wait = null,
        CancellationToken cancellationToken = default);
    /// <summary>Creates the group; an existing group is returned as it is (a PUT would replace its tags).</summary>
    Task<ResourceGroup> CreateResourceGroupAsync(
        string subscriptionId, string name, string location, IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default);
    Task<ResourceGroup> GetResourceGroupAsync(
        string subscriptionId, string name, CancellationToken cancellationToken = default);
}
