using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mnet.Core.Drift;

namespace Mnet.Workflows.Stores.Reports;

/// <summary>
/// Drift reports in an <see cref="IDocumentStore"/>, each under its own id (<c>drift/reports/{id}.json</c>), the
/// latest real one also at <c>drift/latest.json</c> (what GET /drift serves). A report travels by id: the scan
/// activity saves it and returns the id, the remediation activity reads it back; history never holds it.
/// </summary>
public sealed partial class DriftReportStore(IDocumentStore documents)
{
    const string ReportsPrefix = "drift/reports/";
    const string LatestKey = "drift/latest.json";

    public string Location => documents.Location;

    /// <summary>
    /// The id a report saved at <paramref name="savedAt"/> by <paramref name="instanceId"/> gets: deterministic, so an
    /// activity that runs twice writes the same document twice, never two reports.
    /// </summary>
    public static string IdFor(DateTimeOffset savedAt, string? instanceId)
    {
        string stamp = savedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        string suffix = instanceId is null ? string.Empty : "-" + UnsafeIdCharacters().Replace(instanceId, string.Empty);
        return stamp + suffix;
    }

    /// <summary>Saves the report under its id and, unless a dry run's, as the latest; returns what was stored.</summary>
    public async Task<StoredDriftReport> SaveAsync(
        DriftReport report, DateTimeOffset savedAt, string? instanceId, bool dryRun,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var stored = new StoredDriftReport(IdFor(savedAt, instanceId), savedAt, report.PolicyName, instanceId, dryRun, report);
        string json = StoreJson.Serialize(stored);
        await documents.PutAsync(KeyOf(stored.Id), json, cancellationToken);
        // Latest last: a reader never sees a latest report whose own entry is missing.
        if (!dryRun)
        {
            await documents.PutAsync(LatestKey, json, cancellationToken);
        }

        return stored;
    }

    /// <summary>The report saved under <paramref name="id"/>; null when there is none (or the id is not one).</summary>
    public async Task<StoredDriftReport?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!IsId(id))
        {
            return null;
        }

        string key = KeyOf(id);
        return Parse(key, await documents.GetAsync(key, cancellationToken));
    }

    /// <summary>The latest report of a real (not dry-run) scan; null before the first.</summary>
    public async Task<StoredDriftReport?> LatestAsync(CancellationToken cancellationToken = default) =>
        Parse(LatestKey, await documents.GetAsync(LatestKey, cancellationToken));

    /// <summary>Every report id, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> keys = await documents.ListAsync(ReportsPrefix, cancellationToken);
        return keys
            .Where(k => k.EndsWith(".json", StringComparison.Ordinal) && !k[ReportsPrefix.Length..].Contains('/'))
            .Select(k => k[ReportsPrefix.Length..^".json".Length])
            .ToList();
    }

    static string KeyOf(string id) => $"{ReportsPrefix}{id}.json";

    static bool IsId(string id) => IdPattern().IsMatch(id);

    static StoredDriftReport? Parse(string key, string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return StoreJson.Deserialize<StoredDriftReport>(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Document '{key}' is not a stored drift report: {e.Message}", e);
        }
    }

    [GeneratedRegex(@"[^A-Za-z0-9_-]", RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeIdCharacters();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
