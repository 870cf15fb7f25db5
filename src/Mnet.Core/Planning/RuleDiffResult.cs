using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>The rule stage's steps and warnings, plus what later stages need to know.</summary>
internal sealed class RuleDiffResult : PartialPlan
{
    /// <summary>No FQDN rule existed and the plan adds one: an Azure Firewall gets created.</summary>
    public bool AddsFirstFqdnRule { get; set; }

    /// <summary>Private endpoint destinations of the rules the plan adds or changes (they need approval on the target).</summary>
    public List<PrivateEndpointDestination> NewPrivateEndpoints { get; } = [];
}
