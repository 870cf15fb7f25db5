using System.Text.Json;
using Mnet.Arm.Actions;
using Mnet.Arm.Http;
using Mnet.Arm.Models;
using Mnet.Arm.Errors;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Arm;

/// <summary>Subscriptions and their prerequisites: provider registration, scope locks, resource groups.</summary>
public sealed partial class ArmClient
{
    public Task<ArmSubscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        var id = $"/subscriptions/{ArmUrls.RequireSubscription(subscriptionId)}";
        return GetAsync<ArmSubscription>(id, ArmApiVersions.Subscriptions, ArmOperation.ReadSubscriptions, cancellationToken);
    }

    public Task<IReadOnlyList<ArmSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        ListAsync<ArmSubscription>(
            "/subscriptions", ArmApiVersions.Subscriptions, ArmOperation.ReadSubscriptions, "/subscriptions",
            cancellationToken);

    public async Task<string> GetProviderRegistrationStateAsync(
        string subscriptionId, string providerNamespace = Prerequisites.RequiredResourceProvider,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerNamespace);
        var id = $"/subscriptions/{ArmUrls.RequireSubscription(subscriptionId)}/providers/" +
            Uri.EscapeDataString(providerNamespace.Trim());
        var request = new ArmRequest
        {
            Method = "GET",
            Url = ArmUrls.Path(id, ArmApiVersions.Providers),
            Operation = ArmOperation.ReadProviders,
            ResourceId = id,
        };
        var response = await _transport.SendAsync(request, cancellationToken);
        if (response.Body is { ValueKind: JsonValueKind.Object } body &&
            body.TryGetProperty("registrationState", out var state) && state.ValueKind == JsonValueKind.String)
        {
            return state.GetString()!;
        }
        throw response.Invalid(request, "provider answer has no registrationState");
    }

    public Task<IReadOnlyList<ManagementLock>> ListLocksAsync(string scopeId, CancellationToken cancellationToken = default)
    {
        var scope = ArmUrls.RequireId(scopeId);
        return ListAsync<ManagementLock>(
            $"{scope}/providers/Microsoft.Authorization/locks", ArmApiVersions.Locks, ArmOperation.ReadLocks, scope,
            cancellationToken);
    }

    public async Task<ResourceGroup> CreateResourceGroupAsync(
        string subscriptionId, string name, string location, IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default)
    {
        var id = ResourceGroupId(subscriptionId, name);
        // Read before write: an existing group is returned as it is (a PUT would replace its tags).
        if (await GetResourceGroupAsync(subscriptionId, name, cancellationToken).NotFoundAsNullAsync() is { } existing)
        {
            return existing;
        }
        var request = new ArmRequest
        {
            Method = "PUT",
            Url = ArmUrls.Path(id, ArmApiVersions.Resources),
            Operation = ArmOperation.WriteResourceGroup,
            ResourceId = id,
            Body = new ResourceGroupBody(location, tags),
        };
        var response = await _transport.SendAsync(request, cancellationToken);
        return response.As<ResourceGroup>(request);
    }

    public Task<ResourceGroup> GetResourceGroupAsync(
        string subscriptionId, string name, CancellationToken cancellationToken = default) =>
        GetAsync<ResourceGroup>(
            ResourceGroupId(subscriptionId, name), ArmApiVersions.Resources, ArmOperation.ReadResourceGroup,
            cancellationToken);

    private static string ResourceGroupId(string subscriptionId, string name) =>
        ArmUrls.RequireId($"/subscriptions/{ArmUrls.RequireSubscription(subscriptionId)}/resourceGroups/{name}");

    private sealed record ResourceGroupBody(string Location, IReadOnlyDictionary<string, string>? Tags);
}
