namespace Mnet.Core.Posture;

/// <summary>One thing the audit found about one resource.</summary>
public sealed record PostureFinding
{
    /// <summary>Stable code (<see cref="PostureCodes"/>).</summary>
    public required string Code { get; init; }
    public required PostureSeverity Severity { get; init; }
    /// <summary>The resource the finding is about (the workspace, a dependency, a compute, a scope).</summary>
    public required string ResourceId { get; init; }
    /// <summary>What is wrong, naming the resource and the setting.</summary>
    public required string Problem { get; init; }
    /// <summary>What to change.</summary>
    public required string Fix { get; init; }
    /// <summary>The seed's sentence behind the finding, quoted.</summary>
    public required string Reason { get; init; }
    /// <summary>The seed document's file name.</summary>
    public required string Source { get; init; }
    /// <summary>The catalog fact's id (<c>Mnet.Core.Catalog.SeedFact.Id</c>).</summary>
    public required string Fact { get; init; }
}
