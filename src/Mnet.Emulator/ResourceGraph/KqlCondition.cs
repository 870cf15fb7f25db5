namespace Mnet.Emulator.ResourceGraph;

/// <summary>
/// One where-clause test. <c>==</c>/<c>=~</c> are a one-value <c>in</c>/<c>in~</c>; <c>!=</c>, <c>!~</c>, <c>!in</c>,
/// <c>!in~</c> negate. A missing value never equals, so the negated forms match it (as in KQL).
/// </summary>
public sealed record KqlCondition(KqlField Field, bool Negated, bool IgnoreCase, IReadOnlyList<string> Values);
