using Mnet.Service.Approvals;
using Mnet.Service.Drift;
using Mnet.Service.Events;
using Mnet.Service.Migrations;
using Mnet.Service.Plans;
using Mnet.Service.Posture;
using Mnet.Service.Requests;
using Mnet.Service.Workspaces;

namespace Mnet.Service;

/// <summary>
/// The application layer both edges share (the Functions app's triggers and <c>mnet serve</c>): one instance per
/// app, every method takes the invocation's DurableTaskClient.
/// </summary>
public sealed class MnetApplication(ServiceContext context)
{
    public ServiceContext Context { get; } = context ?? throw new ArgumentNullException(nameof(context));
    public RequestService Requests { get; } = new(context);
    public ApprovalService Approvals { get; } = new(context);
    public PlanService Plans { get; } = new(context);
    public WorkspaceCreationService Workspaces { get; } = new(context);
    public MigrationResumeService Migrations { get; } = new(context);
    public WorkspaceEventService Events { get; } = new(context);
    public DriftService Drift { get; } = new(context);
    public PostureService Posture { get; } = new(context);
}
