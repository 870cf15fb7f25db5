using Mnet.Workflows.Activities.Operations;

namespace Mnet.Workflows.Migration.Phases;

/// <summary>
/// One ARM operation of an <see cref="OperationGraph"/>: a start activity returning an
/// <see cref="Activities.OperationStart"/> (reads first, so a retry never writes twice), and the labels of the
/// operations that must have SUCCEEDED before it starts.
/// </summary>
/// <param name="Kind">How to read the resource when following it without a handle.</param>
/// <param name="BlockedReason">Reported when a predecessor failed; null: dropped silently (the predecessor's failure says it).</param>
/// <param name="ReplaceFailed">
/// When the start finds the resource already there in state Failed: start this delete, wait until the resource is
/// gone, then run the start again (once). Null: such a resource is a failure.
/// </param>
public sealed record GraphNode(
    string Label,
    PresenceKind Kind,
    ActivityCall Start,
    Expectation Expect,
    IReadOnlyList<string> After,
    string? BlockedReason = null,
    ActivityCall? ReplaceFailed = null);
