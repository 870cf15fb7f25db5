namespace Mnet.Arm.Models;

/// <summary>The workspace's dependency resources the client reads and writes.</summary>
public enum DependencyKind
{
    StorageAccount,
    KeyVault,
    ContainerRegistry,
    ApplicationInsights,
}
