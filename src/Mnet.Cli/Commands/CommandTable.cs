using Mnet.Cli.Parsing;

namespace Mnet.Cli.Commands;

/// <summary>Every command, in help order. To add one: a class in this folder, listed here.</summary>
public static class CommandTable
{
    public static readonly IReadOnlyList<CliCommand> All =
    [
        new ValidateCommand(),
        new PlanCommand(),
        new DriftCommand(),
        new ApplyCommand(),
        new MigrateCommand(),
        new AuditCommand(),
        new EmulatorCliCommand(),
        new ServeCommand(),
        new DemoCommand(),
    ];

    public static CliCommand? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
