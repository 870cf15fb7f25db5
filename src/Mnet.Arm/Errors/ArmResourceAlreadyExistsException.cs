namespace Mnet.Arm.Errors;

/// <summary>A create that would overwrite an existing resource was refused (by the client's GET or by If-None-Match).</summary>
public class ArmResourceAlreadyExistsException : ArmConflictException
{
    public ArmResourceAlreadyExistsException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
