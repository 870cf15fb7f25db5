namespace Mnet.Arm.Lro;

/// <summary>How long a blocking <c>...AndWait</c> call may wait between polls before giving up.</summary>
public sealed record WaitOptions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(2);

    /// <summary>Total time spent waiting between polls; then <c>ArmOperationTimedOutException</c>.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
