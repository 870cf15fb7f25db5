namespace Mnet.Arm.Errors;

/// <summary>Resource Graph truncated the answer without a skip token (the query must project id to page).</summary>
public class ResourceGraphResultTruncatedException : ArmException
{
    public ResourceGraphResultTruncatedException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
