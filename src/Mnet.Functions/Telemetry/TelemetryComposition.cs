using Azure.Core;
using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mnet.Service.Configuration;

namespace Mnet.Functions.Telemetry;

/// <summary>
/// Application Insights for the worker, when APPLICATIONINSIGHTS_CONNECTION_STRING is set: the worker's telemetry is
/// correlated with the host's (the invocation's operation id), ingestion uses Entra when configured
/// (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), and Information logs are kept (the SDK's default keeps warnings only).
/// </summary>
public static class TelemetryComposition
{
    public static IServiceCollection AddMnetTelemetry(this IServiceCollection services, MnetSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Telemetry is not { } telemetry) return services;
        services.AddApplicationInsightsTelemetryWorkerService(o => o.ConnectionString = telemetry.ConnectionString);
        services.ConfigureFunctionsApplicationInsights();
        if (telemetry.UsesEntra)
        {
            TokenCredential credential = telemetry.ClientId is { } id
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id))
                : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
            services.Configure<TelemetryConfiguration>(c => c.SetAzureTokenCredential(credential));
        }

        services.Configure<LoggerFilterOptions>(o =>
        {
            var defaultRule = o.Rules.FirstOrDefault(r =>
                r.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
            if (defaultRule is not null) o.Rules.Remove(defaultRule);
        });
        return services;
    }
}
