namespace Mnet.Workflows.Contracts;

/// <summary>The payload of the <see cref="WorkflowNames.ApprovalEvent"/> event an approver raises.</summary>
/// <param name="AuthenticatedAs">How the approver was authenticated: function key, or an Entra token's subject.</param>
public sealed record ApprovalDecision(bool Approved, string Approver, string? Comment = null, string? AuthenticatedAs = null);
