namespace Mnet.Workflows.Tests.Reliability;

/// <summary>
/// The reliability suites (sixty onboardings on ten engines; six engine processes killed and taken over; five
/// scenarios on Azurite) run on their own, one after another, after the parallel tests: their load never shifts the
/// timing of tests that measure ARM minutes at 600x (a tenth of a second of delay is a minute there), nor that load
/// theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityLoadCollection
{
    public const string Name = "Reliability suites (alone)";
}
