namespace Mnet.Workflows.Contracts;

/// <summary>Who asked, and why: carried through every orchestration for the status and the audit trail.</summary>
/// <param name="CorrelationId">Correlation id of the triggering event or HTTP request.</param>
public sealed record RequestMetadata(
    TriggerSource Trigger,
    string? TicketId = null,
    string? RequestedBy = null,
    string? CorrelationId = null);
