namespace Mnet.Core.Policy.Validation;

/// <summary>Collects every problem: validation never stops at the first.</summary>
internal sealed class ProblemSink
{
    private readonly List<ProblemDraft> _drafts = [];

    public IReadOnlyList<ProblemDraft> Drafts => _drafts;

    public int Count => _drafts.Count;

    public void Error(IReadOnlyList<PathSegment> at, string rule, string message,
        IReadOnlyList<PathSegment>? pointAt = null, bool atKey = false) =>
        _drafts.Add(new ProblemDraft(at, rule, message, ProblemSeverity.Error, pointAt, atKey));

    public void Warn(IReadOnlyList<PathSegment> at, string rule, string message,
        IReadOnlyList<PathSegment>? pointAt = null) =>
        _drafts.Add(new ProblemDraft(at, rule, message, ProblemSeverity.Warning, pointAt));
}
