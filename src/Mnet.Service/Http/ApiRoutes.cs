namespace Mnet.Service.Http;

/// <summary>Function names and route templates (docs/api.md): the deployment contract both edges serve.</summary>
public static class ApiRoutes
{
    public const string SubmitRequestFunction = "httpSubmitRequest";
    public const string GetRequestFunction = "httpGetRequest";
    public const string ApproveRequestFunction = "httpApproveRequest";
    public const string RejectRequestFunction = "httpRejectRequest";
    public const string CreateWorkspaceFunction = "httpCreateWorkspace";
    public const string PlanFunction = "httpPlan";
    public const string DriftFunction = "httpDrift";
    public const string ResumeMigrationFunction = "httpResumeMigration";
    public const string EventGridWebhookFunction = "httpEventGridWebhook";
    public const string WorkspacePostureFunction = "httpWorkspacePosture";
    /// <summary>The queue-triggered Event Grid function (not HTTP).</summary>
    public const string EventGridQueueFunction = "eventGridWorkspaceChanged";
    /// <summary>The drift timer (not HTTP), on <c>%MNET_DRIFT_SCHEDULE%</c>.</summary>
    public const string DriftTimerFunction = "driftTimer";

    public const string Requests = "v1/requests";
    public const string Request = "v1/requests/{id}";
    public const string Approve = "v1/requests/{id}/approve";
    public const string Reject = "v1/requests/{id}/reject";
    public const string Workspaces = "v1/workspaces";
    public const string Plan = "v1/plan";
    public const string Drift = "v1/drift";
    public const string ResumeMigration = "v1/migrations/{id}/resume";
    /// <summary>Event Grid's webhook destination (POST events, validation handshake; OPTIONS for CloudEvents).</summary>
    public const string Events = "v1/events";
    /// <summary>The posture audit of one workspace; {id} is its ARM id percent-encoded as one segment.</summary>
    public const string WorkspacePosture = "v1/workspaces/{id}/posture";
}
