using Xunit.Abstractions;

namespace Mnet.Workflows.Tests.Reliability.AzureStorage;

/// <summary>
/// Every orchestrator besides the migration's (whose crash suite already runs on Azure Storage) completes its success
/// path on the Azure Storage backend over Azurite, not only in memory. The runs are <see cref="AzureStorageScenarios"/>.
/// </summary>
[Collection(ReliabilityLoadCollection.Name)]
public sealed class AzureStorageOrchestratorTests(AzureStorageScenarios scenarios, ITestOutputHelper log) : IClassFixture<AzureStorageScenarios>
{
    public static TheoryData<string> Orchestrators => new(AzureStorageScenarios.All.Keys);

    [Theory]
    [MemberData(nameof(Orchestrators))]
    public void The_orchestrator_completes_its_success_path_on_Azure_Storage(string orchestrator)
    {
        var took = scenarios.Check(orchestrator);
        log.WriteLine($"{orchestrator}: {took.TotalSeconds:F1} s (all five at once: {scenarios.Elapsed.TotalSeconds:F1} s)");
    }
}
