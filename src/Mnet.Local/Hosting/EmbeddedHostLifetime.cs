using Microsoft.Extensions.Hosting;

namespace Mnet.Local.Hosting;

/// <summary>
/// The engine's hosts live inside someone else's process (the CLI, <c>mnet serve</c>, a test), so they must not take
/// over its Ctrl+C and SIGTERM handling as the default console lifetime does: the process owner stops the engine.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
