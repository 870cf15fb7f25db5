using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Planning;
using Mnet.Workflows.Stores.Reports;

namespace Mnet.Service.Drift;

/// <summary>GET /drift's body (docs/api.md): <c>{ key, savedAt, policyName, instanceId, report }</c>, the report as the CLI prints it.</summary>
public sealed record DriftReportView(string Key, DateTimeOffset SavedAt, string PolicyName, string? InstanceId, JsonNode Report)
{
    public static DriftReportView From(StoredDriftReport stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new DriftReportView(stored.Id, stored.SavedAt, stored.PolicyName, stored.InstanceId,
            JsonSerializer.SerializeToNode(stored.Report, PlanJson.Options)!);
    }
}
