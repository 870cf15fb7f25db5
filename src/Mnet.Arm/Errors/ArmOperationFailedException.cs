namespace Mnet.Arm.Errors;

/// <summary>A long-running operation ended Failed or Canceled; Code is the operation's own error code.</summary>
public class ArmOperationFailedException : ArmException
{
    public ArmOperationFailedException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
