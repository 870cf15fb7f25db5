using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>
/// One step of a plan: data only (the orchestrator executes it), discriminated by <c>kind</c>, each kind with its own
/// typed <c>params</c> (written after the common fields, as the TypeScript version did). Ids are deterministic so that a re-plan of the same drift yields the same ids.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(MigrateComputesStep), StepKinds.MigrateComputes)]
[JsonDerivedType(typeof(SetPublicNetworkAccessStep), StepKinds.SetPublicNetworkAccess)]
[JsonDerivedType(typeof(SetIsolationModeStep), StepKinds.SetIsolationMode)]
[JsonDerivedType(typeof(SetFirewallSkuStep), StepKinds.SetFirewallSku)]
[JsonDerivedType(typeof(AddRuleStep), StepKinds.AddRule)]
[JsonDerivedType(typeof(UpdateRuleStep), StepKinds.UpdateRule)]
[JsonDerivedType(typeof(RemoveRuleStep), StepKinds.RemoveRule)]
[JsonDerivedType(typeof(AssignApproverRolesStep), StepKinds.AssignApproverRoles)]
[JsonDerivedType(typeof(ProvisionNetworkStep), StepKinds.ProvisionNetwork)]
[JsonDerivedType(typeof(SetImageBuildComputeStep), StepKinds.SetImageBuildCompute)]
[JsonDerivedType(typeof(GovernThroughHubStep), StepKinds.GovernThroughHub)]
public abstract record PlanStep
{
    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    /// <summary>Written as the <c>kind</c> discriminator.</summary>
    [JsonIgnore]
    public abstract StepKind Kind { get; }

    /// <summary>Resource id or rule name the step acts on.</summary>
    public required string Target { get; init; }
    public required string Reason { get; init; }
    public required StepFlags Flags { get; init; }

    /// <summary>Only steps that take a known time carry an estimate.</summary>
    [JsonPropertyOrder(2)]
    public int? EstimatedMinutes { get; init; }
}
