using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mnet.Service.Ports;

namespace Mnet.Service;

/// <summary>Everything the services share (one per app): options, ports, clock, logging.</summary>
public sealed class ServiceContext
{
    public ServiceContext(
        ServiceOptions options,
        ITicketStore tickets,
        IPolicySource policies,
        IWorkspacePlanning planning,
        IDriftReportSource driftReports,
        IMigrationCatalog migrations,
        IApproverAuthenticator authenticator,
        TimeProvider? clock = null,
        ILoggerFactory? loggerFactory = null,
        IPostureReading? posture = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Tickets = tickets ?? throw new ArgumentNullException(nameof(tickets));
        Policies = policies ?? throw new ArgumentNullException(nameof(policies));
        Planning = planning ?? throw new ArgumentNullException(nameof(planning));
        DriftReports = driftReports ?? throw new ArgumentNullException(nameof(driftReports));
        Migrations = migrations ?? throw new ArgumentNullException(nameof(migrations));
        Authenticator = authenticator ?? throw new ArgumentNullException(nameof(authenticator));
        Clock = clock ?? TimeProvider.System;
        Loggers = loggerFactory ?? NullLoggerFactory.Instance;
        Posture = posture;
    }

    public ServiceOptions Options { get; }
    public ITicketStore Tickets { get; }
    public IPolicySource Policies { get; }
    public IWorkspacePlanning Planning { get; }
    public IDriftReportSource DriftReports { get; }
    public IMigrationCatalog Migrations { get; }
    public IApproverAuthenticator Authenticator { get; }
    public TimeProvider Clock { get; }
    public ILoggerFactory Loggers { get; }

    /// <summary>Reads workspaces for the posture audit; null: GET /workspaces/{id}/posture answers 503.</summary>
    public IPostureReading? Posture { get; }

    /// <summary>Test hook only (internal): a check switched off to prove its attack then succeeds.</summary>
    internal SecurityChecks Checks { get; init; } = SecurityChecks.All;
}
