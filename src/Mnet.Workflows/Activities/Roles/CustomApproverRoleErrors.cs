namespace Mnet.Workflows.Activities.Roles;

/// <summary>Codes of the custom approver role refusals: configuration problems, never retried.</summary>
public static class CustomApproverRoleErrors
{
    public const string NotConfigured = "CustomApproverRoleNotConfigured";
    public const string Missing = "CustomApproverRoleMissing";
    public const string Mismatch = "CustomApproverRoleMismatch";
}
