using Mnet.Emulator.Faults;

namespace Mnet.Emulator.Operations;

/// <summary>
/// Long-running operations. Nothing runs on a timer: each has a completion instant on the emulator clock and
/// <see cref="Settle"/> applies every operation due, in completion order, before a request (or state read) is
/// served; what a client sees is a pure function of the clock. Not thread-safe: used under the state gate.
/// </summary>
public sealed class OperationStore(Func<int, string> newId)
{
    private readonly Dictionary<string, OperationRecord> operations = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<OperationRecord> order = [];
    private List<OperationRecord> pending = [];
    private int counter;

    public OperationRecord Start(OperationSpec spec, DateTimeOffset now, Fault? fault = null)
    {
        var duration = spec.Duration < TimeSpan.Zero ? TimeSpan.Zero : spec.Duration;
        DateTimeOffset? completes = fault is LroNeverFinishFault ? null : now + duration;
        var op = new OperationRecord(newId(++counter), spec, now, completes)
        {
            PlannedError = fault is LroFailFault f ? new OperationError(f.Code, f.Message) : null,
        };
        operations[op.Id] = op;
        order.Add(op);
        pending.Add(op);
        return op;
    }

    public OperationRecord? Get(string id) => operations.GetValueOrDefault(id);

    public IReadOnlyList<OperationRecord> List() => [.. order];

    /// <summary>The in-progress operation of one of these kinds on the target (case-insensitive id).</summary>
    public OperationRecord? Active(string target, params string[] kinds) =>
        pending.Find(op => op.InProgress && op.Target.Equals(target, StringComparison.OrdinalIgnoreCase)
            && (kinds.Length == 0 || kinds.Contains(op.Kind)));

    /// <summary>In-progress operations whose target is the id or below it.</summary>
    public IReadOnlyList<OperationRecord> ActiveUnder(string prefix) =>
        pending.FindAll(op => op.InProgress && Ids.ScopePath.Covers(prefix, op.Target));

    /// <summary>Applies every operation due by <paramref name="now"/>, earliest first.</summary>
    public void Settle(DateTimeOffset now)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var due = pending.Where(op => op.InProgress && op.CompletesAt <= now).OrderBy(op => op.CompletesAt).ToList();
        foreach (var op in due)
        {
            if (!op.InProgress)
            {
                continue; // canceled by an earlier completion
            }

            var error = op.PlannedError ?? op.Spec.FailAtCompletion?.Invoke();
            op.EndedAt = op.CompletesAt;
            if (error is not null)
            {
                op.Status = OperationStatus.Failed;
                op.Error = error;
                op.Spec.OnFailed?.Invoke(error);
            }
            else
            {
                op.Status = OperationStatus.Succeeded;
                op.Spec.OnSucceeded?.Invoke();
            }
        }

        pending = pending.FindAll(op => op.InProgress);
    }

    /// <summary>Cancels an in-progress operation (e.g. its resource was deleted); its failure hook does not run.</summary>
    public void Cancel(OperationRecord op, DateTimeOffset now, string message = "The operation was canceled.")
    {
        if (!op.InProgress)
        {
            return;
        }

        op.Status = OperationStatus.Canceled;
        op.EndedAt = now;
        op.Error = new OperationError("OperationCanceled", message);
        pending.Remove(op);
    }
}
