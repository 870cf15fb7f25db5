using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>One task of a fan-out: its value, or its failure.</summary>
public sealed record Settled<T>(bool Ok, T? Value, OrchestrationError? Error);
