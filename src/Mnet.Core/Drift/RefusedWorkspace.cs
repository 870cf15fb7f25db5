namespace Mnet.Core.Drift;

/// <summary>A workspace whose plan is refused: reported apart from drift (the product cannot fix it).</summary>
/// <param name="Rule">Stable identifier of the rule that refuses, e.g. <c>mode-transition</c>.</param>
public sealed record RefusedWorkspace(string WorkspaceId, string Name, string Kind, string Reason, string Rule);
