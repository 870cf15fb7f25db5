using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <param name="Deferred">The managed network is not provisioned: the rules cannot be Active yet (they will be once it is).</param>
public sealed record RuleConfirmation(bool Confirmed, bool Deferred, IReadOnlyList<RuleActivation> Rules, string Detail);
