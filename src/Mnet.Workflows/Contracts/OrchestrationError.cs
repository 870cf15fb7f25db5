namespace Mnet.Workflows.Contracts;

/// <summary>A failure as a step record or an output names it: a code (ARM's, or the product's) and one line.</summary>
public sealed record OrchestrationError(string Code, string Message);
