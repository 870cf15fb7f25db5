using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Service.Http;
using Mnet.Service.Posture;
using Mnet.Service.Ports;

namespace Mnet.Service.Composition;

/// <summary>
/// Registers the application layer in an edge's container: <see cref="ServiceContext"/>, <see cref="MnetApplication"/>,
/// <see cref="MnetHttpApi"/>, all singletons. The edge registers the ports first (ITicketStore, IPolicySource,
/// IWorkspacePlanning, IDriftReportSource, IMigrationCatalog, IApproverAuthenticator; IPostureReading or an IArmClient) and <see cref="ServiceOptions"/>.
/// </summary>
public static class MnetServiceRegistration
{
    public static IServiceCollection AddMnetService(this IServiceCollection services, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ServiceContext(
            sp.GetRequiredService<ServiceOptions>(),
            sp.GetRequiredService<ITicketStore>(),
            sp.GetRequiredService<IPolicySource>(),
            sp.GetRequiredService<IWorkspacePlanning>(),
            sp.GetRequiredService<IDriftReportSource>(),
            sp.GetRequiredService<IMigrationCatalog>(),
            sp.GetRequiredService<IApproverAuthenticator>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            PostureReadingOf(sp)));
        services.AddSingleton(sp => new MnetApplication(sp.GetRequiredService<ServiceContext>()));
        services.AddSingleton(sp => new MnetHttpApi(sp.GetRequiredService<MnetApplication>()));
        return services;
    }

    /// <summary>The edge's posture reader if it registered one, else one over its ARM client (if any).</summary>
    static IPostureReading? PostureReadingOf(IServiceProvider sp) =>
        sp.GetService<IPostureReading>() ?? (sp.GetService<IArmClient>() is { } arm ? new ArmPostureReading(arm) : null);
}
