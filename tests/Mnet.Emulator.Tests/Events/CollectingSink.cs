using System.Text.Json.Nodes;
using System.Threading.Channels;
using Mnet.Emulator.Events;

namespace Mnet.Emulator.Tests.Events;

/// <summary>An in-memory destination: what Event Grid would have delivered, in order.</summary>
public sealed class CollectingSink : IEventSink
{
    private readonly Channel<JsonObject> events = Channel.CreateUnbounded<JsonObject>();

    public Task DeliverAsync(JsonObject gridEvent, int attempt, CancellationToken cancellationToken) =>
        events.Writer.WriteAsync(gridEvent, cancellationToken).AsTask();

    public async Task<JsonObject> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await events.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Nothing more arrives within a short wait.</summary>
    public async Task AssertQuietAsync()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(events.Reader.TryRead(out var unexpected), $"unexpected event {unexpected?.ToJsonString()}");
    }
}
