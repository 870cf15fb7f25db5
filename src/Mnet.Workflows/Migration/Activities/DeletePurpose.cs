using System.Text.Json.Serialization;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>Why a migration deletes a resource, which decides what it may delete.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeletePurpose>))]
public enum DeletePurpose
{
    /// <summary>The migration's delete phase: only the very resource that was snapshotted, never one it recreated.</summary>
    [JsonStringEnumMemberName("migrate")] Migrate,
    /// <summary>Resume: a resource this migration recreated that ended Failed, deleted to be created again; only if Failed.</summary>
    [JsonStringEnumMemberName("replace-failed")] ReplaceFailed,
}
