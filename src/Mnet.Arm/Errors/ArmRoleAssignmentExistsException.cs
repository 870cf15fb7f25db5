namespace Mnet.Arm.Errors;

/// <summary>409 RoleAssignmentExists: the same grant exists under another name (putRoleAssignment counts it as done).</summary>
public class ArmRoleAssignmentExistsException : ArmConflictException
{
    public ArmRoleAssignmentExistsException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
