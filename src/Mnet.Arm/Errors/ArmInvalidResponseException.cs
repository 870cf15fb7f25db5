namespace Mnet.Arm.Errors;

/// <summary>The service answered something the client cannot read (not JSON, no value array, repeated nextLink, ...).</summary>
public class ArmInvalidResponseException : ArmException
{
    public ArmInvalidResponseException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
