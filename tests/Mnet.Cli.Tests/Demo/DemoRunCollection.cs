namespace Mnet.Cli.Tests.Demo;

/// <summary>The tests that share one demo run (it takes about 20 s on two cores).</summary>
[CollectionDefinition(Name)]
public sealed class DemoRunCollection : ICollectionFixture<DemoRunFixture>
{
    public const string Name = "demo run";
}
