namespace Mnet.Emulator.Operations;

/// <summary>ARM's LRO status values (the names are the wire values).</summary>
public enum OperationStatus
{
    InProgress,
    Succeeded,
    Failed,
    Canceled,
}
