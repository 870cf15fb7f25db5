using Microsoft.DurableTask.Client;
using Mnet.Core.Resources;
using Mnet.Emulator.Recording;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Tests.Reliability.Crash;

/// <summary>What one onboarding crash scenario produced, for its test to judge.</summary>
/// <param name="Requests">Every ARM request since the onboarding was scheduled (the killed process's and the new one's).</param>
/// <param name="Workspace">The workspace once the run completed.</param>
/// <param name="Rules">Its outbound rules then.</param>
/// <param name="RoleAssignments">Every role assignment the emulator holds then.</param>
public sealed record OnboardingCrashRun(
    OnboardingCrashPhase Phase,
    string WorkspaceId,
    OrchestrationRuntimeStatus Status,
    string? Failure,
    OnboardWorkspaceOutput? Output,
    IReadOnlyList<RecordedRequest> Requests,
    Workspace Workspace,
    IReadOnlyList<OutboundRuleResource> Rules,
    IReadOnlyList<RoleAssignment> RoleAssignments,
    TimeSpan ToKill,
    TimeSpan KillToCompletion);
