namespace Mnet.Service.Tests.Configuration;

/// <summary>The smallest valid configuration (port of BASE in tests/service/app-config.test.ts) and helpers.</summary>
internal static class SettingsFixture
{
    public static Dictionary<string, string?> Base() => new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
        ["MNET_SUBSCRIPTIONS"] = "00000000-0000-0000-0000-000000000001, 00000000-0000-0000-0000-00000000000A",
        ["MNET_EVENT_QUEUE_STORAGE"] = "UseDevelopmentStorage=true",
        // Explicit: the default is entra (fail closed), which needs the tenant settings.
        ["MNET_APPROVER_AUTH"] = "function-key",
    };

    public static Dictionary<string, string?> With(params (string Name, string? Value)[] changes)
    {
        var values = Base();
        foreach (var (name, value) in changes) values[name] = value;
        return values;
    }

    /// <summary>The problems loading reports; fails when loading succeeds.</summary>
    public static IReadOnlyList<string> ProblemsOf(IReadOnlyDictionary<string, string?> values)
    {
        var error = Assert.Throws<Mnet.Service.Configuration.MnetSettingsException>(
            () => Mnet.Service.Configuration.MnetSettingsLoader.Load(values));
        return error.Problems.Select(p => p.Message).ToList();
    }

    /// <summary>The setting each problem names (its first word).</summary>
    public static IReadOnlyList<string> NamesOf(IReadOnlyList<string> problems) =>
        problems.Select(p => p.Split(' ')[0]).ToList();
}
