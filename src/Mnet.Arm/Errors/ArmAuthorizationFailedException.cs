namespace Mnet.Arm.Errors;

/// <summary>401/403 or AuthorizationFailed: the app's identity lacks the action (see ArmActions).</summary>
public class ArmAuthorizationFailedException : ArmException
{
    public ArmAuthorizationFailedException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
