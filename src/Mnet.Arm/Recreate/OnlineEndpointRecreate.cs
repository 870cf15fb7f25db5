using System.Text.Json;
using Mnet.Core.Resources;

namespace Mnet.Arm.Recreate;

/// <summary>
/// PUT bodies that recreate a managed online endpoint and its deployments. Traffic names deployments, which do not
/// exist yet when the endpoint is recreated: the endpoint body goes without traffic (and mirrorTraffic), and both
/// maps come back apart, to be applied with <see cref="WithTraffic"/> once every deployment is back.
/// </summary>
public static class OnlineEndpointRecreate
{
    public static OnlineEndpointRecreatePlan Plan(OnlineEndpoint endpoint)
    {
        var source = endpoint.Properties;
        var properties = source with
        {
            Traffic = null,
            MirrorTraffic = null,
            ProvisioningState = null,
            ScoringUri = null,
            SwaggerUri = null,
            Extra = JsonFields.Without(source.Extra, ReadOnlyFields.OnlineEndpoint),
        };
        var body = new OnlineEndpointCreateBody
        {
            Location = endpoint.Location,
            Kind = endpoint.Kind,
            Tags = endpoint.Tags,
            Identity = endpoint.Identity is { } identity ? WritableIdentity.Of(identity) : null,
            // The endpoint record names no sku; a sku object the service sent is kept.
            Sku = endpoint.Extra?.TryGetValue("sku", out var sku) == true && sku.ValueKind == JsonValueKind.Object
                ? ArmJson.Deserialize<Sku>(sku)
                : null,
            Properties = properties,
        };
        return new OnlineEndpointRecreatePlan(
            body,
            Copy(source.Traffic),
            Copy(source.MirrorTraffic));
    }

    /// <summary>The endpoint body with traffic applied (the service takes traffic through PUT, not PATCH).</summary>
    public static OnlineEndpointCreateBody WithTraffic(
        OnlineEndpointCreateBody body,
        IReadOnlyDictionary<string, int> traffic,
        IReadOnlyDictionary<string, int>? mirrorTraffic = null) =>
        body with
        {
            Properties = body.Properties with
            {
                Traffic = Copy(traffic),
                MirrorTraffic = mirrorTraffic is { Count: > 0 } ? Copy(mirrorTraffic) : null,
            },
        };

    /// <summary>Everything but the provisioning state and the identity's read-only fields.</summary>
    public static OnlineDeploymentCreateBody DeploymentBody(OnlineDeployment deployment) => new()
    {
        Location = deployment.Location,
        Kind = deployment.Kind,
        Tags = deployment.Tags,
        Sku = deployment.Sku,
        Identity = deployment.Identity is { } identity ? WritableIdentity.Of(identity) : null,
        Properties = deployment.Properties with
        {
            ProvisioningState = null,
            Extra = JsonFields.Without(deployment.Properties.Extra, ReadOnlyFields.OnlineDeployment),
        },
    };

    private static Dictionary<string, int> Copy(IReadOnlyDictionary<string, int>? map) =>
        map?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? new Dictionary<string, int>();
}
