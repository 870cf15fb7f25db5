namespace Mnet.Workflows.Activities.Creation;

/// <param name="Created">False when it already existed.</param>
public sealed record EnsuredDependency(string ResourceId, bool Created);
