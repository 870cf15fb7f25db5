using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>ARM values of managedNetwork.isolationMode (Microsoft.MachineLearningServices 2025-09-01).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IsolationMode>))]
public enum IsolationMode
{
    Disabled,
    AllowInternetOutbound,
    AllowOnlyApprovedOutbound,
}
