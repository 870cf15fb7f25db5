namespace Mnet.Arm.Errors;

/// <summary>412: the If-Match etag no longer matches; someone else changed the resource.</summary>
public class ArmPreconditionFailedException : ArmException
{
    public ArmPreconditionFailedException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
