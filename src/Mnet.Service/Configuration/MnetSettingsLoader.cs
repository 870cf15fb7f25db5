using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Mnet.Service.Configuration;

/// <summary>
/// Reads every setting once, by name, validates all of them and the cross-field rules, and either returns the typed
/// <see cref="MnetSettings"/> or throws <see cref="MnetSettingsException"/> listing EVERY problem, each naming its
/// setting, so the host refuses to start instead of failing on the first request.
/// </summary>
public static class MnetSettingsLoader
{
    /// <summary>Platform variables captured for the credential (see <see cref="MnetSettings.IdentityEnvironment"/>).</summary>
    public static IReadOnlyList<string> IdentityEnvironmentNames { get; } = ["IDENTITY_ENDPOINT", "MSI_ENDPOINT"];

    public static MnetSettings Load(IConfiguration configuration) => Load(ConfigurationValues.Flatten(configuration));

    public static MnetSettings Load(IReadOnlyDictionary<string, string?> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var evaluation = SettingsEvaluator.Evaluate(raw);
        var problems = evaluation.Problems.ToList();
        var values = evaluation.Values;
        string Get(string name) => values[name];
        string? Given(string name) => evaluation.Given.TryGetValue(name, out var v) ? v : null;
        bool Valid(string name) => problems.All(p => p.Setting != name);

        problems.AddRange(ConnectionPartProblems(SettingNames.HostStorage, Given));
        problems.AddRange(ConnectionPartProblems(SettingNames.EventQueueStorage, Given));

        // Only an explicit "function-key" selects the local mode; anything else (or nothing) is Entra.
        var approverAuth = Get(SettingNames.ApproverAuth) == "function-key" ? ApproverAuthMode.FunctionKey : ApproverAuthMode.Entra;
        EntraSettings? entra = null;
        if (approverAuth == ApproverAuthMode.Entra && Valid(SettingNames.ApproverAuth))
        {
            var tenantId = Get(SettingNames.EntraTenantId);
            var audiences = SettingValidators.SplitList(Get(SettingNames.EntraAudience));
            var role = Get(SettingNames.EntraApproverRole);
            if (!SettingValidators.IsGuid(tenantId))
            {
                problems.Add(new(SettingNames.EntraTenantId, $"{SettingNames.EntraTenantId} must be the tenant GUID when {SettingNames.ApproverAuth}=entra"));
            }
            if (audiences.Count == 0)
            {
                problems.Add(new(SettingNames.EntraAudience, $"{SettingNames.EntraAudience} is required when {SettingNames.ApproverAuth}=entra"));
            }
            if (role.Length == 0)
            {
                problems.Add(new(SettingNames.EntraApproverRole, $"{SettingNames.EntraApproverRole} is required when {SettingNames.ApproverAuth}=entra"));
            }
            entra = new EntraSettings(tenantId.ToLowerInvariant(), audiences, role);
        }

        if (CaFileProblem(Get(SettingNames.ArmCaFile)) is { } caProblem) problems.Add(caProblem);

        if (Valid(SettingNames.ArmMaxInstances) && Valid(SettingNames.ArmRequestsPerSecond) && Valid(SettingNames.ArmWritesPerSecond))
        {
            problems.AddRange(ArmBudget.Check(
                Int(Get(SettingNames.ArmMaxInstances)), Number(Get(SettingNames.ArmRequestsPerSecond)),
                Number(Get(SettingNames.ArmWritesPerSecond))));
        }

        if (Given(SettingNames.TelemetryAuthentication) is not null && Given(SettingNames.TelemetryConnectionString) is null)
        {
            problems.Add(new(SettingNames.TelemetryAuthentication,
                $"{SettingNames.TelemetryAuthentication} is set but {SettingNames.TelemetryConnectionString} is not: nothing would be exported"));
        }

        if (problems.Count > 0) throw new MnetSettingsException(problems);

        string? Optional(string name) => Get(name) is { Length: > 0 } v ? v : null;
        return new MnetSettings
        {
            HostStorage = StorageConnection.From(SettingNames.HostStorage, Given),
            WorkerRuntime = Get(SettingNames.WorkerRuntime),
            TaskHub = Get(SettingNames.TaskHub),
            Subscriptions = SettingValidators.SplitList(Get(SettingNames.Subscriptions))
                .Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList(),
            PolicyPath = Get(SettingNames.PolicyPath),
            PolicyDir = Get(SettingNames.PolicyDir),
            ArmEndpoint = new Uri(Get(SettingNames.ArmEndpoint)),
            ArmCaFile = Optional(SettingNames.ArmCaFile),
            ClientId = Optional(SettingNames.ClientId),
            TenantId = Optional(SettingNames.TenantId)?.ToLowerInvariant(),
            ArmWritesPerSecond = Number(Get(SettingNames.ArmWritesPerSecond)),
            ArmRequestsPerSecond = Number(Get(SettingNames.ArmRequestsPerSecond)),
            ArmMaxInstances = Int(Get(SettingNames.ArmMaxInstances)),
            ArmMaxRetries = Int(Get(SettingNames.ArmMaxRetries)),
            DriftSchedule = Get(SettingNames.DriftSchedule),
            SnapshotContainerUrl = Optional(SettingNames.SnapshotContainerUrl) is { } url ? new Uri(url) : null,
            SnapshotDir = Get(SettingNames.SnapshotDir),
            ApproverAuth = approverAuth,
            Entra = entra,
            MaxBodyBytes = Int(Get(SettingNames.MaxBodyBytes)),
            CustomApproverRoles = CustomApproverRolesSetting.Parse(Get(SettingNames.CustomApproverRoles)).Roles,
            EventQueue = Get(SettingNames.EventQueue),
            EventQueueStorage = StorageConnection.From(SettingNames.EventQueueStorage, Given),
            Telemetry = Telemetry(Optional(SettingNames.TelemetryConnectionString), Optional(SettingNames.TelemetryAuthentication)),
            Values = values,
            IdentityEnvironment = IdentityEnvironmentNames
                .Where(name => Given(name) is not null)
                .ToDictionary(name => name, name => Given(name), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The identity-based parts of a storage connection, when present: service URIs are https URLs, the credential is
    /// <c>managedidentity</c>, the client id a GUID (a typo there silently falls back to another identity).
    /// </summary>
    private static IEnumerable<SettingProblem> ConnectionPartProblems(string connection, Func<string, string?> given)
    {
        // A part that stands in for the setting (e.g. __queueServiceUri) was checked with the setting already.
        var standIns = SettingCatalog.Get(connection).Alternatives.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var part in new[] { StorageConnection.BlobServiceUriPart, StorageConnection.QueueServiceUriPart, StorageConnection.TableServiceUriPart })
        {
            var name = SettingNames.Part(connection, part);
            if (standIns.Contains(name)) continue;
            if (given(name) is { } uri && SettingValidators.HttpsUrl(uri) is { } problem) yield return new(connection, $"{name} {problem}");
        }
        var credential = SettingNames.Part(connection, StorageConnection.CredentialPart);
        if (given(credential) is { } value && !value.Equals(StorageConnection.ManagedIdentityCredential, StringComparison.OrdinalIgnoreCase))
        {
            yield return new(connection, $"{credential} must be \"{StorageConnection.ManagedIdentityCredential}\" (got \"{value}\")");
        }
        var clientId = SettingNames.Part(connection, StorageConnection.ClientIdPart);
        if (given(clientId) is { } id && !SettingValidators.IsGuid(id))
        {
            yield return new(connection, $"{clientId} must be a GUID (got \"{id}\")");
        }
    }

    /// <summary>The CA file is read on the first ARM call; a missing or unreadable file must stop start-up instead.</summary>
    private static SettingProblem? CaFileProblem(string path)
    {
        if (path.Length == 0) return null;
        if (Directory.Exists(path)) return new(SettingNames.ArmCaFile, $"{SettingNames.ArmCaFile} \"{path}\" is not a file");
        try
        {
            using var stream = File.OpenRead(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            return new(SettingNames.ArmCaFile, $"{SettingNames.ArmCaFile} \"{path}\" cannot be read ({reason})");
        }
    }

    private static TelemetrySettings? Telemetry(string? connectionString, string? authentication)
    {
        if (connectionString is null) return null;
        var pairs = authentication is null ? null : SettingValidators.ConnectionStringPairs(authentication);
        var clientId = pairs is not null && pairs.TryGetValue("ClientId", out var id) ? id : null;
        return new TelemetrySettings(connectionString, pairs is not null, clientId);
    }

    private static double Number(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Int(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
