namespace Mnet.Local.Tests.Samples;

/// <summary>What a parent learned from its sub-orchestrations.</summary>
public sealed record ParentOutput(string Fixed, string Generated, string Failure);
