using Mnet.Local.Tests.Samples;
using Mnet.TestSupport.Network;

namespace Mnet.Local.Tests.Engine;

public sealed class LocalEngineInMemoryTests
{
    [Fact]
    public async Task SampleFlow_RunsToCompletion_OnTheInMemoryBackend()
    {
        await using LocalEngine engine = await LocalEngine.StartAsync(
            new LocalEngineOptions(), SampleEngine.Register, SampleEngine.Services);

        Assert.Equal(LocalEngineBackend.InMemory, engine.Backend);
        await SampleScenario.RunAsync(engine, "sample-in-memory");
    }

    [Fact]
    public async Task Sidecar_ListensOnLoopbackOnly_AndStopsWithTheEngine()
    {
        LocalEngine engine =
            await LocalEngine.StartAsync(new LocalEngineOptions(), SampleEngine.Register, SampleEngine.Services);
        int port = engine.SidecarAddress.Port;

        Assert.Equal("127.0.0.1", engine.SidecarAddress.Host);
        Assert.True(await FreePorts.IsListeningAsync(port));

        await engine.StopAsync();
        await engine.StopAsync(); // a second stop is a no-op
        await engine.DisposeAsync();
        Assert.False(await FreePorts.IsListeningAsync(port));
    }
}
