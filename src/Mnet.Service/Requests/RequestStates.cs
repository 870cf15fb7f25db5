namespace Mnet.Service.Requests;

/// <summary>The <c>state</c> of a request view.</summary>
public static class RequestStates
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string WaitingForApproval = "waiting-for-approval";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Canceled = "canceled";
    public const string Terminated = "terminated";
    public const string Suspended = "suspended";
    public const string Unknown = "unknown";
}
