namespace Mnet.Arm.Errors;

/// <summary>A managed-network PATCH succeeded but removed user-defined outbound rules (named in the message): re-create them.</summary>
public class ManagedNetworkRulesLostException : ArmException
{
    public ManagedNetworkRulesLostException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
