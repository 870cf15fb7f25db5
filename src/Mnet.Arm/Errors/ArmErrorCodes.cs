namespace Mnet.Arm.Errors;

/// <summary>Codes the client assigns itself; every other code is the service's <c>error.code</c>.</summary>
public static class ArmErrorCodes
{
    public const string ConnectionFailed = "ConnectionFailed";
    public const string InvalidResponse = "InvalidResponse";
    public const string UntrustedLink = "UntrustedLink";
    public const string OperationTimedOut = "OperationTimedOut";
    public const string OperationFailed = "OperationFailed";
    public const string OperationCanceled = "OperationCanceled";
    public const string ResourceAlreadyExists = "ResourceAlreadyExists";
    public const string ResourceGraphResultTruncated = "ResourceGraphResultTruncated";
    /// <summary>A managed-network PATCH succeeded but user-defined outbound rules are gone after it.</summary>
    public const string ManagedNetworkRulesLost = "ManagedNetworkRulesLost";

    // Service codes with a type of their own.
    public const string ValidationError = "ValidationError";
    public const string AuthorizationFailed = "AuthorizationFailed";
    public const string LinkedAuthorizationFailed = "LinkedAuthorizationFailed";
    public const string RoleAssignmentExists = "RoleAssignmentExists";
}
