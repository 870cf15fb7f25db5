namespace Mnet.Arm.Errors;

/// <summary>400: the service refused the request as malformed or invalid; never retried.</summary>
public class ArmBadRequestException : ArmException
{
    public ArmBadRequestException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
