namespace Mnet.Arm.Errors;

/// <summary>A nextLink or operation URL pointing off the configured endpoint: refused rather than sent the token.</summary>
public class ArmUntrustedLinkException : ArmException
{
    public ArmUntrustedLinkException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
