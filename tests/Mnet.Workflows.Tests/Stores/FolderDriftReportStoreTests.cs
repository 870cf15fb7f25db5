using Mnet.Workflows.Stores;

namespace Mnet.Workflows.Tests.Stores;

/// <summary>Drift reports in a temp folder (the CLI's default store).</summary>
public sealed class FolderDriftReportStoreTests : DriftReportStoreContract, IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("mnet-reports-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    protected override IDocumentStore NewStore() => new FolderDocumentStore(Path.Combine(root, Guid.NewGuid().ToString("N")));
}
