using Mnet.Core.Planning;

namespace Mnet.Cli.Runtime;

/// <summary>A workspace read live and planned against a policy.</summary>
/// <param name="OutOfScope">Null when in scope; otherwise why not.</param>
public sealed record LivePlan(WorkspaceState State, Plan Plan, string? OutOfScope);
