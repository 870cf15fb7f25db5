using System.Collections.Concurrent;
using Mnet.Workflows.Stores;

namespace Mnet.Cli.Runtime;

/// <summary>Documents kept for one command only (a drift scan's report): nothing is left on disk.</summary>
public sealed class MemoryDocumentStore : IDocumentStore
{
    private readonly ConcurrentDictionary<string, string> documents = new(StringComparer.Ordinal);

    public string Location => "memory";

    public Task PutAsync(string key, string json, CancellationToken cancellationToken = default)
    {
        documents[key] = json;
        return Task.CompletedTask;
    }

    public Task<bool> CreateAsync(string key, string json, CancellationToken cancellationToken = default) =>
        Task.FromResult(documents.TryAdd(key, json));

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(documents.TryGetValue(key, out var json) ? json : null);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(
            [.. documents.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)]);
}
