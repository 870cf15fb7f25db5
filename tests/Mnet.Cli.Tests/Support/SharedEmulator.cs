namespace Mnet.Cli.Tests.Support;

/// <summary>One demo-scenario emulator for a whole test class whose tests only read (xunit class fixture).</summary>
public sealed class SharedEmulator : IAsyncLifetime
{
    private CliEmulator? emulator;

    public CliEmulator Emulator => emulator ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => emulator = await CliEmulator.StartAsync("demo");

    public async Task DisposeAsync()
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }
}
