using System.Text.Json;
using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Arm.Http;
using Mnet.Arm.Lro;
using Mnet.Arm.Models;
using Mnet.Core.Resources;

namespace Mnet.Arm;

/// <summary>
/// Dependency resources (storage, key vault, registry, application insights) and GET by id of the types the client
/// knows. The app holds no wildcard read: a GET of any other type is refused before a request is sent.
/// </summary>
public sealed partial class ArmClient
{
    public async Task<GenericResource> GetResourceAsync(
        string resourceId, string? apiVersion = null, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.RequireId(resourceId);
        var parsed = ResourceId.Parse(id);
        var known = DependencyTypes.KnownReadOf(parsed.ResourceType);
        // A bare resource group id has no provider type.
        var isGroup = parsed.ResourceType is null && parsed.ResourceGroup is not null;
        if (known is null && !isGroup) throw new UnsupportedResourceTypeException(parsed.ResourceType ?? id);
        var version = apiVersion ?? known?.ApiVersion ?? ArmApiVersions.Resources;
        var operation = known?.Read ?? ArmOperation.ReadResourceGroup;
        return await GetAsync<GenericResource>(id, version, operation, cancellationToken);
    }

    public Task<GenericResource> GetDependencyAsync(
        DependencyKind kind, string resourceId, CancellationToken cancellationToken = default)
    {
        var dependency = DependencyTypes.All[kind];
        var id = ArmUrls.RequireId(resourceId, dependency.Type);
        return GetAsync<GenericResource>(id, dependency.ApiVersion, dependency.Read, cancellationToken);
    }

    public async Task<GenericResource> PutDependencyAsync(
        DependencyKind kind, string resourceId, GenericResourceBody body, WaitOptions? wait = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var dependency = DependencyTypes.All[kind];
        var id = ArmUrls.RequireId(resourceId, dependency.Type);
        var handle = await BeginAsync(
            "PUT", ArmUrls.Path(id, dependency.ApiVersion), dependency.Write, id, cancellationToken, body);
        var final = await _lro.WaitAsync(handle, wait, cancellationToken);
        return HasId(final.ResultJson)
            ? final.ResultAs<GenericResource>()!
            : await GetDependencyAsync(kind, id, cancellationToken);
    }

    private static bool HasId(string? json)
    {
        if (json is null) return false;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object &&
            document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String;
    }
}
