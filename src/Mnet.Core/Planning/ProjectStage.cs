using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Projects (AI Studio / Foundry) use their hub's managed network: nothing on a project is the product's to change.
/// A project is compliant when its hub is; otherwise its plan is one step pointing at the hub.
/// </summary>
internal static class ProjectStage
{
    public static PartialPlan Plan(Workspace project, Plan? hubPlan)
    {
        var output = new PartialPlan();
        var hubId = project.Properties.HubResourceId;
        if (string.IsNullOrEmpty(hubId))
        {
            return PartialPlan.Refusal(
                "project-without-hub",
                "The workspace is a Project without properties.hubResourceId: a project is governed through its hub.");
        }
        if (hubPlan?.Compliant == true) return output;
        IReadOnlyList<string> hubReasons = hubPlan is null ? []
            : hubPlan.Refused is not null ? [hubPlan.Refused.Reason]
            : [.. hubPlan.Steps.Select(s => s.Reason)];
        output.Steps.Add(new GovernThroughHubStep
        {
            Id = StepKinds.StepId(StepKind.GovernThroughHub),
            Target = hubId,
            Reason = hubPlan is null
                ? $"projects use their hub's managed network: govern the hub {hubId}"
                : $"the hub {hubPlan.WorkspaceName} is not compliant: {string.Join("; ", hubReasons)}",
            Flags = StepFlags.None,
            Params = new GovernThroughHubParams(hubId, hubReasons) { HubCompliant = hubPlan is null ? null : false },
        });
        return output;
    }
}
