using Mnet.Arm.Lro;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>
/// What a start activity did. Start activities read first, so a retry (or a redelivery) never sends a request twice.
/// </summary>
/// <param name="Handle">For <see cref="OperationStartState.Started"/>: the operation to poll.</param>
/// <param name="ProvisioningState">The state the resource was found in (Done, Busy).</param>
/// <param name="Note">Why nothing was sent, when that is worth saying.</param>
public sealed record OperationStart(
    OperationStartState State,
    string ResourceId,
    LroHandle? Handle = null,
    string? ProvisioningState = null,
    string? Note = null)
{
    public static OperationStart Started(string resourceId, LroHandle handle) => new(OperationStartState.Started, resourceId, handle);

    public static OperationStart InProgress(string resourceId, string? state = null) => new(OperationStartState.InProgress, resourceId, ProvisioningState: state);

    public static OperationStart Done(string resourceId, string? state = null, string? note = null) =>
        new(OperationStartState.Done, resourceId, ProvisioningState: state, Note: note);

    public static OperationStart Busy(string resourceId, string? state) => new(OperationStartState.Busy, resourceId, ProvisioningState: state);
}
