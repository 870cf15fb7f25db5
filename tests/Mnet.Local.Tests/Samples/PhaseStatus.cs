namespace Mnet.Local.Tests.Samples;

/// <summary>A structured custom status.</summary>
public sealed record PhaseStatus(string Phase, string? Ticket = null);
