namespace Mnet.Arm.Errors;

/// <summary>400 ValidationError, e.g. "Managed network cannot be disabled once enabled."</summary>
public class ArmValidationException : ArmBadRequestException
{
    public ArmValidationException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
