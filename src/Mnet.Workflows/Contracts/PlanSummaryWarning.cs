namespace Mnet.Workflows.Contracts;

public sealed record PlanSummaryWarning(string Code, string Message);
