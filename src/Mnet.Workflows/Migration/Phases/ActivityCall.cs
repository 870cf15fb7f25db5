namespace Mnet.Workflows.Migration.Phases;

/// <summary>An activity to call and its input (any record: the worker's converter writes its runtime type).</summary>
public sealed record ActivityCall(string Activity, object Input);
