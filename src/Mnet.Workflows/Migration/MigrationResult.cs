using System.Text.Json.Serialization;

namespace Mnet.Workflows.Migration;

/// <summary>How a migration (or a resume) ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MigrationResult>))]
public enum MigrationResult
{
    [JsonStringEnumMemberName("migrated")] Migrated,
    /// <summary>The plan needs no compute deleted (e.g. the managed network is already on): nothing was touched.</summary>
    [JsonStringEnumMemberName("nothing-to-migrate")] NothingToMigrate,
    [JsonStringEnumMemberName("dry-run")] DryRun,
    [JsonStringEnumMemberName("refused")] Refused,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("approval-timeout")] ApprovalTimeout,
    [JsonStringEnumMemberName("failed")] Failed,
}
