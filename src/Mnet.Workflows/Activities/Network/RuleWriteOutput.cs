namespace Mnet.Workflows.Activities.Network;

/// <param name="Changed">False when the rule was already as wanted (or already absent): nothing written.</param>
public sealed record RuleWriteOutput(bool Changed);
