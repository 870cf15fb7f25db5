namespace Mnet.Core.Planning;

/// <summary>What a step means for the people and workloads of the workspace.</summary>
/// <param name="Irreversible">Cannot be undone (mode changes).</param>
/// <param name="Costly">Starts or raises charges (firewall, provisioned network).</param>
/// <param name="Disruptive">Interrupts users or workloads (computes deleted, outbound restricted, access cut).</param>
/// <param name="NeedsApproval">The orchestrator waits for a person's approval before running it.</param>
public sealed record StepFlags(bool Irreversible, bool Costly, bool Disruptive, bool NeedsApproval)
{
    public static StepFlags None { get; } = new(false, false, false, false);

    public static StepFlags Of(bool irreversible = false, bool costly = false, bool disruptive = false, bool needsApproval = false) =>
        new(irreversible, costly, disruptive, needsApproval);
}
