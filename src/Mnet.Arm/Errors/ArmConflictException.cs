namespace Mnet.Arm.Errors;

/// <summary>409: the resource is in a state that refuses the call (another write running, already exists, ...).</summary>
public class ArmConflictException : ArmException
{
    public ArmConflictException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
