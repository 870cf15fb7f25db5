using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Every step kind, declared in the safe order a plan applies them (see <see cref="StepOrder"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepKind>))]
public enum StepKind
{
    [JsonStringEnumMemberName(StepKinds.MigrateComputes)]
    MigrateComputes,
    [JsonStringEnumMemberName(StepKinds.SetPublicNetworkAccess)]
    SetPublicNetworkAccess,
    [JsonStringEnumMemberName(StepKinds.SetIsolationMode)]
    SetIsolationMode,
    [JsonStringEnumMemberName(StepKinds.SetFirewallSku)]
    SetFirewallSku,
    [JsonStringEnumMemberName(StepKinds.AddRule)]
    AddRule,
    [JsonStringEnumMemberName(StepKinds.UpdateRule)]
    UpdateRule,
    [JsonStringEnumMemberName(StepKinds.RemoveRule)]
    RemoveRule,
    [JsonStringEnumMemberName(StepKinds.AssignApproverRoles)]
    AssignApproverRoles,
    [JsonStringEnumMemberName(StepKinds.ProvisionNetwork)]
    ProvisionNetwork,
    [JsonStringEnumMemberName(StepKinds.SetImageBuildCompute)]
    SetImageBuildCompute,
    [JsonStringEnumMemberName(StepKinds.GovernThroughHub)]
    GovernThroughHub,
}
