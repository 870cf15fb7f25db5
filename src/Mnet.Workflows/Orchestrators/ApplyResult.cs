namespace Mnet.Workflows.Orchestrators;

/// <param name="FailedStep">The step that stopped the run (null when every step was applied).</param>
public sealed record ApplyResult(bool Ok, string? FailedStep = null);
