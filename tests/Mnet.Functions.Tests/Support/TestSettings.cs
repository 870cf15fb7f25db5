using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Functions.Composition;
using Mnet.Service.Configuration;

namespace Mnet.Functions.Tests.Support;

/// <summary>App settings for tests: the fewest a valid configuration needs, plus changes.</summary>
internal static class TestSettings
{
    public const string Subscription = "00000000-0000-0000-0000-000000000001";

    public static Dictionary<string, string?> Minimal() => new()
    {
        [SettingNames.HostStorage] = "UseDevelopmentStorage=true",
        [SettingNames.WorkerRuntime] = SettingCatalog.DotnetIsolated,
        [SettingNames.Subscriptions] = Subscription,
        [SettingNames.EventQueueStorage] = "UseDevelopmentStorage=true",
        // Explicit: the default is entra (fail closed), which needs the tenant settings.
        [SettingNames.ApproverAuth] = "function-key",
    };

    public static MnetSettings Load(Action<Dictionary<string, string?>>? change = null)
    {
        var values = Minimal();
        change?.Invoke(values);
        return MnetSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    /// <summary>The Functions app's container (what Program.cs composes, without the worker's own services).</summary>
    public static ServiceProvider Compose(MnetSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMnetFunctions(settings);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }
}
