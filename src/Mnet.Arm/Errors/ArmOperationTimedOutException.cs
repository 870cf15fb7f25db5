namespace Mnet.Arm.Errors;

/// <summary>Waiting for a long-running operation gave up; the operation itself may still finish.</summary>
public class ArmOperationTimedOutException : ArmException
{
    public ArmOperationTimedOutException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
