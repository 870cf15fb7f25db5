using System.Runtime.InteropServices;

namespace Mnet.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Ctrl-C and SIGTERM both end long-running commands (emulator, serve) cleanly: cancel, dispose, exit.
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        return await MnetCli.RunAsync(args, CliIo.FromConsole(), stop.Token);
    }
}
