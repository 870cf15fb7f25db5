namespace Mnet.Workflows.Migration.Phases;

/// <summary>An operation of a graph that did not succeed, and why (one line).</summary>
public sealed record GraphFailure(string Label, string Error);
