using Mnet.TestSupport.Azurite;
using Mnet.Workflows.Stores;

namespace Mnet.Workflows.Tests.Stores;

/// <summary>Drift reports in Blob Storage (Azurite).</summary>
[Collection(StoresAzuriteCollection.Name)]
public sealed class BlobDriftReportStoreTests(AzuriteFixture azurite) : DriftReportStoreContract
{
    protected override IDocumentStore NewStore() =>
        BlobDocumentStore.ForConnectionString(azurite.ConnectionString, StoresAzuriteCollection.NewContainerName());
}
