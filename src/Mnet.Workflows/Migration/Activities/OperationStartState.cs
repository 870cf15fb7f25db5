using System.Text.Json.Serialization;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>Where a start activity left its operation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OperationStartState>))]
public enum OperationStartState
{
    /// <summary>This run sent the request: poll its handle.</summary>
    [JsonStringEnumMemberName("started")] Started,
    /// <summary>Someone (an earlier attempt) already started it: follow the resource until it is where it should be.</summary>
    [JsonStringEnumMemberName("in-progress")] InProgress,
    /// <summary>Nothing to do: already where it should be (or, for a delete, not the resource to delete).</summary>
    [JsonStringEnumMemberName("done")] Done,
    /// <summary>Not now: the resource is being created or updated (for a delete) or still deleting (for a create). Nothing was sent; start again once it has settled.</summary>
    [JsonStringEnumMemberName("busy")] Busy,
}
