namespace Mnet.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => MnetCli.RunAsync(args, CliIo.FromConsole());
}
