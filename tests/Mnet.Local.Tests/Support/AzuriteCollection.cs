using Mnet.TestSupport.Azurite;

namespace Mnet.Local.Tests.Support;

/// <summary>The test classes that share one Azurite (started once, killed after the last of them).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
