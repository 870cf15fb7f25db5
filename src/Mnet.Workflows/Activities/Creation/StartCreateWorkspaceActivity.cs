using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.Creation;

/// <summary>
/// Starts the workspace PUT. Never overwrites: an existing workspace is reported, not replaced; its tag tells a retry
/// of this very request (ours) from someone else's workspace of the same name.
/// </summary>
public sealed class StartCreateWorkspaceActivity(IArmClient arm, ILogger<StartCreateWorkspaceActivity> log) : IWorkflowActivity<StartCreateWorkspaceInput, StartCreateWorkspaceOutput>
{
    public async Task<StartCreateWorkspaceOutput> RunAsync(StartCreateWorkspaceInput input)
    {
        var existing = await arm.GetWorkspaceAsync(input.WorkspaceId).NotFoundAsNullAsync();
        if (existing is not null)
        {
            bool ours = existing.Tags?.TryGetValue(CreationTag.Name, out string? tag) == true && tag == input.RequestId;
            return new StartCreateWorkspaceOutput(input.WorkspaceId, null, true, ours, existing.Properties.ProvisioningState);
        }

        var tags = new Dictionary<string, string>(input.Body.Tags ?? new Dictionary<string, string>()) { [CreationTag.Name] = input.RequestId };
        var handle = await arm.BeginCreateWorkspaceAsync(input.WorkspaceId, input.Body with { Tags = tags });
        log.LogInformation("workspace creation started ({WorkspaceId})", input.WorkspaceId);
        return new StartCreateWorkspaceOutput(input.WorkspaceId, handle with { ResultJson = null }, false, true, null);
    }
}
