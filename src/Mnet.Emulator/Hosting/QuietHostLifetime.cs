using Microsoft.Extensions.Hosting;

namespace Mnet.Emulator.Hosting;

/// <summary>A host lifetime that neither prints nor hooks Ctrl-C: the owner stops the emulator (DisposeAsync).</summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
