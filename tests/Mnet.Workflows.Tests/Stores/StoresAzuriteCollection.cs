using Mnet.TestSupport.Azurite;

namespace Mnet.Workflows.Tests.Stores;

/// <summary>The store tests that run against Azurite share one (started once, killed after the last of them).</summary>
[CollectionDefinition(Name)]
public sealed class StoresAzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Stores on Azurite";

    /// <summary>A container name no other test uses.</summary>
    public static string NewContainerName() => $"docs-{Guid.NewGuid():N}";
}
