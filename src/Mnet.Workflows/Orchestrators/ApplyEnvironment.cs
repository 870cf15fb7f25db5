using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>What applying plan steps needs besides the steps: the workspace, the request and the cadence.</summary>
public sealed record ApplyEnvironment(string WorkspaceId, RequestMetadata Request, WorkflowTimings Timings, IReadOnlyList<string>? Subscriptions = null);
