namespace Mnet.Cli.Tests.Support;

/// <summary>
/// Runs <see cref="MnetCli"/> in process with captured output. Paths in the tests are relative to the repository
/// root, as a user at the root would type them.
/// </summary>
public static class MnetRun
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures { get; } = Path.GetRelativePath(Root, Path.Combine(AppContext.BaseDirectory, "Fixtures"));

    /// <param name="answers">Lines typed at a prompt; given, standard input is a terminal.</param>
    public static Task<CliRun> RunAsync(
        string[] args, bool tty = false, IReadOnlyDictionary<string, string?>? env = null, IReadOnlyList<string>? answers = null) =>
        RunWithAsync(Mnet.Cli.Commands.CommandTable.All, args, tty, env, answers);

    /// <summary>Runs <paramref name="command"/> (e.g. one given a fake live reader) as its command name.</summary>
    public static Task<CliRun> RunCommandAsync(Mnet.Cli.Commands.CliCommand command, string[] args) =>
        RunWithAsync(Mnet.Cli.Commands.CommandTable.All.Select(c => c.Name == command.Name ? command : c).ToList(), [command.Name, .. args]);

    private static async Task<CliRun> RunWithAsync(
        IReadOnlyList<Mnet.Cli.Commands.CliCommand> commands, string[] args, bool tty = false,
        IReadOnlyDictionary<string, string?>? env = null, IReadOnlyList<string>? answers = null)
    {
        _ = Root;
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var io = new CliIo(stdout, stderr, tty, env ?? new Dictionary<string, string?>())
        {
            In = answers is null ? null : new StringReader(string.Join('\n', answers) + (answers.Count > 0 ? "\n" : "")),
            InIsTerminal = answers is not null,
        };
        var code = await MnetCli.RunAsync(args, io, commands);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every test runs as from the repository root (paths in messages are what the user typed).</summary>
    private static string FindRoot()
    {
        var root = Mnet.TestSupport.Repository.RepositoryRoot.Path;
        Directory.SetCurrentDirectory(root);
        return root;
    }
}
