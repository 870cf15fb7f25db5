using System.Text.RegularExpressions;
using Mnet.Infra.Tests.Support;

namespace Mnet.Infra.Tests;

/// <summary>
/// The Bicep compiler (Azure.Bicep.CommandLine.linux-x64, restored by this project) builds and lints infra/ with zero
/// errors and zero warnings. It also stands in for the TypeScript suite's hand-written module-wiring check: it knows
/// every module's parameters and types.
/// </summary>
public class BicepCompilerTests
{
    [Fact]
    public void Bicep_build_of_main_has_zero_errors_and_zero_warnings()
    {
        var result = BicepCli.Build(Path.Combine(InfraFiles.Infra, "main.bicep"));
        Assert.True(result.Problems.Count == 0, string.Join('\n', result.Problems));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"$schema\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bicep_lint_of_main_and_its_modules_has_zero_errors_and_zero_warnings()
    {
        var result = BicepCli.Lint(Path.Combine(InfraFiles.Infra, "main.bicep"));
        Assert.True(result.Problems.Count == 0, string.Join('\n', result.Problems));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Every_bicep_file_is_a_module_main_uses_so_build_and_lint_cover_it()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { "main.bicep" };
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var file))
        {
            var dir = file.Contains('/', StringComparison.Ordinal) ? file[..(file.LastIndexOf('/') + 1)] : "";
            foreach (Match m in Regex.Matches(Checks.BicepText.StripComments(InfraFiles.Bicep[file]), @"\bmodule\s+\w+\s+'([^']+)'"))
            {
                var target = Path.GetRelativePath(InfraFiles.Infra, Path.GetFullPath(Path.Combine(InfraFiles.Infra, dir, m.Groups[1].Value))).Replace('\\', '/');
                if (reached.Add(target)) queue.Enqueue(target);
            }
        }
        Assert.Equal(InfraFiles.Bicep.Keys.Order(StringComparer.Ordinal), reached.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_lint_reports_a_warning_in_a_module_so_zero_means_zero()
    {
        using var copy = Mutation.CopyWith("modules/identity.bicep", text => text + "\nvar unusedProbe = 1\n");
        var result = BicepCli.Lint(copy.PathOf("main.bicep"));
        Assert.Contains(result.Problems, d => d.Level == "Warning" && d.Code == "no-unused-vars" && d.File.EndsWith("identity.bicep", StringComparison.Ordinal));
    }

    [Fact]
    public void Module_wiring_errors_fail_the_build_a_renamed_a_retyped_and_a_missing_parameter()
    {
        using (var renamed = Mutation.CopyWith("modules/function-app.bicep", text => Mutation.ReplaceOnce(text, "param policyDir string", "param policyFolder string")))
        {
            var problems = BicepCli.Build(renamed.PathOf("main.bicep")).Problems;
            Assert.Contains(problems, d => d.Level == "Error" && d.Message.Contains("policyDir", StringComparison.Ordinal));
            Assert.Contains(problems, d => d.Level == "Error" && d.Message.Contains("policyFolder", StringComparison.Ordinal));
        }
        using (var retyped = Mutation.CopyWith("modules/function-app.bicep", text => Mutation.ReplaceOnce(text, "param armWritesPerSecond string", "param armWritesPerSecond int")))
        {
            Assert.Contains(BicepCli.Build(retyped.PathOf("main.bicep")).Problems, d => d.Level == "Error");
        }
        using (var missing = Mutation.CopyWith("modules/target-subscription.bicep", text => Mutation.ReplaceOnce(text, "'deadletter-access.bicep'", "'dead-letter-access.bicep'")))
        {
            Assert.Contains(BicepCli.Build(missing.PathOf("main.bicep")).Problems, d => d.Level == "Error" && d.Message.Contains("dead-letter-access.bicep", StringComparison.Ordinal));
        }
    }
}
