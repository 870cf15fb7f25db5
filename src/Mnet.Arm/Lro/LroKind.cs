using System.Text.Json.Serialization;

namespace Mnet.Arm.Lro;

/// <summary>How the service reports a long-running operation's progress.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LroKind>))]
public enum LroKind
{
    /// <summary>Poll the <c>Azure-AsyncOperation</c> (or <c>Operation-Location</c>) URL for <c>{status}</c>.</summary>
    AzureAsync,
    /// <summary>Poll the <c>Location</c> URL until it stops answering 202; its last answer is the result.</summary>
    Location,
    /// <summary>A PUT/PATCH answered without headers: poll the resource's <c>provisioningState</c>.</summary>
    Resource,
    /// <summary>The first answer was final: polling returns it without a request.</summary>
    None,
}
