using Mnet.Core.Catalog;

namespace Mnet.Core.Posture;

/// <summary>One kind of finding: its stable code, its severity, the seed fact behind it and the usual fix.</summary>
/// <param name="Title">What is wrong, in a few words (docs, text reports).</param>
public sealed record PostureRule(string Code, PostureSeverity Severity, string Title, SeedFact Fact, string Fix)
{
    /// <summary>A finding of this rule about one resource; <paramref name="fix"/> overrides the usual fix.</summary>
    public PostureFinding Finding(string resourceId, string problem, string? fix = null) => new()
    {
        Code = Code,
        Severity = Severity,
        ResourceId = resourceId,
        Problem = problem,
        Fix = fix ?? Fix,
        Reason = Fact.Quote,
        Source = Fact.SeedFile,
        Fact = Fact.Id,
    };
}
