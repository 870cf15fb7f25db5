namespace Mnet.Arm.Errors;

/// <summary>404: the resource (or its parent) does not exist; see ArmExceptionExtensions.NotFoundAsNullAsync.</summary>
public class ArmNotFoundException : ArmException
{
    public ArmNotFoundException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
