namespace Mnet.Cli.Report;

/// <summary>What a private endpoint rule points at.</summary>
public sealed record RuleTarget(string ResourceId, string ResourceName, string ResourceType, string Subresource, bool? SparkEnabled = null);
