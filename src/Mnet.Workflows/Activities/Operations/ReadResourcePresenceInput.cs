namespace Mnet.Workflows.Activities.Operations;

public sealed record ReadResourcePresenceInput(PresenceKind Kind, string ResourceId);
