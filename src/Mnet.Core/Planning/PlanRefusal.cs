namespace Mnet.Core.Planning;

/// <param name="Rule">Stable identifier of the rule that refuses, e.g. <c>mode-transition</c>.</param>
public sealed record PlanRefusal(string Rule, string Reason);
