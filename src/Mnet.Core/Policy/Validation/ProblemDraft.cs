namespace Mnet.Core.Policy.Validation;

/// <summary>A problem found during validation, before its path is formatted and its position resolved.</summary>
/// <param name="At">Where the problem is, as keys and indexes from the document root.</param>
/// <param name="PointAt">A more precise node for the line and column than <paramref name="At"/>.</param>
/// <param name="AtKey">Point at the key rather than its value (unknown keys).</param>
internal sealed record ProblemDraft(
    IReadOnlyList<PathSegment> At,
    string Rule,
    string Message,
    ProblemSeverity Severity,
    IReadOnlyList<PathSegment>? PointAt = null,
    bool AtKey = false);
