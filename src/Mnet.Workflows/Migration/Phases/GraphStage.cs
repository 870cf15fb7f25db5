namespace Mnet.Workflows.Migration.Phases;

/// <summary>A node's own operation, or the delete of the Failed resource it replaces.</summary>
internal enum GraphStage
{
    Create,
    Delete,
}
