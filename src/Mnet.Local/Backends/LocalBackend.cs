using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace Mnet.Local.Backends;

/// <summary>
/// The Durable Task backend behind the sidecar: the store <see cref="LocalEngineOptions.Store"/> selects.
/// </summary>
internal sealed class LocalBackend : IDisposable
{
    readonly IDisposable? owned;

    LocalBackend(
        LocalEngineBackend kind,
        IOrchestrationService service,
        IOrchestrationServiceClient client,
        IDisposable? owned)
    {
        Kind = kind;
        Service = new SidecarBackendAdapter(service, plainHistory: kind == LocalEngineBackend.AzureStorage);
        Client = client;
        this.owned = owned;
    }

    public LocalEngineBackend Kind { get; }

    /// <summary>What the sidecar's dispatchers drive (work items, start, stop).</summary>
    public SidecarBackendAdapter Service { get; }

    /// <summary>What the sidecar's client API uses (start, query, raise, terminate, purge).</summary>
    public IOrchestrationServiceClient Client { get; }

    /// <summary>
    /// Builds the backend and makes sure its task hub exists, so clients may call before the worker connects.
    /// </summary>
    public static async Task<LocalBackend> CreateAsync(
        LocalEngineOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        if (options.Store is null)
        {
            var memory = new Microsoft.DurableTask.Testing.Sidecar.InMemoryOrchestrationService(loggerFactory);
            return new LocalBackend(LocalEngineBackend.InMemory, memory, memory, owned: null);
        }

        var storage = AzureStorageBackend.Create(options, loggerFactory);
        try
        {
            await storage.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
        }
        catch
        {
            storage.Dispose();
            throw;
        }

        return new LocalBackend(LocalEngineBackend.AzureStorage, storage, storage, storage);
    }

    public void Dispose() => owned?.Dispose();
}
