using Mnet.Workflows.Stores;

namespace Mnet.Workflows.Tests.Migration.Activities;

/// <summary>
/// A real store whose first read of one key answers "absent": what a run sees when it looked just before another
/// run's write landed.
/// </summary>
internal sealed class FirstReadMisses(IDocumentStore inner, string key) : IDocumentStore
{
    int misses = 1;

    public string Location => inner.Location;

    public Task PutAsync(string k, string json, CancellationToken cancellationToken = default) => inner.PutAsync(k, json, cancellationToken);

    public Task<bool> CreateAsync(string k, string json, CancellationToken cancellationToken = default) => inner.CreateAsync(k, json, cancellationToken);

    public Task<string?> GetAsync(string k, CancellationToken cancellationToken = default) =>
        k == key && Interlocked.Exchange(ref misses, 0) == 1 ? Task.FromResult<string?>(null) : inner.GetAsync(k, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
