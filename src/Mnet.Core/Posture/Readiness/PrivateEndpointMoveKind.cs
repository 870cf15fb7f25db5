using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Readiness;

/// <summary>What a customer private endpoint becomes once the managed network is on (JSON: kebab-case).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PrivateEndpointMoveKind>))]
public enum PrivateEndpointMoveKind
{
    /// <summary>The workspace's own endpoint: stays in the customer VNet for inbound access.</summary>
    [JsonStringEnumMemberName("stays-inbound")]
    StaysInbound,

    /// <summary>To a default resource: the service adds a Required rule itself.</summary>
    [JsonStringEnumMemberName("required-rule")]
    RequiredRule,

    /// <summary>Becomes a user-defined private endpoint outbound rule.</summary>
    [JsonStringEnumMemberName("outbound-rule")]
    OutboundRule,

    /// <summary>To a default resource with public access in internet-outbound mode: reached publicly, no rule.</summary>
    [JsonStringEnumMemberName("no-rule")]
    NoRule,

    /// <summary>Its target type or subresource cannot be a managed network private endpoint.</summary>
    [JsonStringEnumMemberName("not-supported")]
    NotSupported,
}
