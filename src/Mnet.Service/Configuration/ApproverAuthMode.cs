namespace Mnet.Service.Configuration;

/// <summary>How approve/reject calls authenticate (MNET_APPROVER_AUTH).</summary>
public enum ApproverAuthMode
{
    /// <summary>"function-key": the Functions key; local mode, the approver is recorded as declared.</summary>
    FunctionKey,

    /// <summary>"entra": a bearer token of the tenant carrying the approver app role.</summary>
    Entra,
}
