using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>
/// One managed-network outbound rule (ARM shape), polymorphic on <c>type</c>: <see cref="FqdnOutboundRule"/> (FQDN),
/// <see cref="PrivateEndpointOutboundRule"/> (PrivateEndpoint), <see cref="ServiceTagOutboundRule"/> (ServiceTag);
/// a type the product does not know is read as <see cref="UnknownOutboundRule"/> so that a workspace read never fails
/// on it and writes it back unchanged.
/// </summary>
[JsonConverter(typeof(OutboundRuleConverter))]
public abstract record OutboundRule
{
    /// <summary>The ARM discriminator: FQDN, PrivateEndpoint or ServiceTag (see OutboundRuleTypes).</summary>
    public abstract string Type { get; }

    /// <summary>Required, Recommended, UserDefined or Dependency (open set).</summary>
    public string? Category { get; init; }

    /// <summary>Inactive, Active, Provisioning, Deleting or Failed (open set).</summary>
    public string? Status { get; init; }

    /// <summary>
    /// A string in the REST spec, null when there is no error; an object sent instead is kept as its JSON text.
    /// Always written (as null when absent) because the service always returns it: a read-write round trip keeps it.
    /// </summary>
    [JsonConverter(typeof(RawJsonStringConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ErrorInformation { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
