using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Mnet.Infra.Tests.Support;

/// <summary>
/// The Bicep compiler from the restored Azure.Bicep.CommandLine.linux-x64 package (tools/bicep). NuGet does not keep
/// the execute bit, so it is set before the first run. Runs offline.
/// </summary>
public static partial class BicepCli
{
    private static readonly Lazy<string> Binary = new(Locate);

    public static string Path => Binary.Value;

    /// <summary><c>bicep build FILE --stdout</c>: compiles the file and every module it uses; writes nothing.</summary>
    public static BicepResult Build(string file) => Run("build", file, "--stdout");

    /// <summary><c>bicep lint FILE</c>: the linter rules over the file and its modules.</summary>
    public static BicepResult Lint(string file) => Run("lint", file);

    private static BicepResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // No telemetry, no update checks: the tests run offline.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Path}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes");
        }
        var output = stderr.Result + stdout.Result;
        var diagnostics = DiagnosticLine().Matches(output)
            .Select(m => new BicepDiagnostic(
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["level"].Value, m.Groups["code"].Value, m.Groups["message"].Value.Trim()))
            .ToList();
        return new BicepResult(process.ExitCode, diagnostics, output);
    }

    private static string Locate()
    {
        var root = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPackageRoot")?.Value;
        if (string.IsNullOrEmpty(root))
        {
            throw new InvalidOperationException("BicepPackageRoot is not set: restore tests/Mnet.Infra.Tests (it restores Azure.Bicep.CommandLine.linux-x64)");
        }
        var binary = System.IO.Path.Combine(root, "tools", "bicep");
        if (!File.Exists(binary)) throw new FileNotFoundException($"no Bicep compiler at {binary}", binary);
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(binary);
            const UnixFileMode Execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & Execute) != Execute) File.SetUnixFileMode(binary, mode | Execute);
        }
        return binary;
    }

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<col>\d+)\) : (?<level>Error|Warning|Info) (?<code>[^:\s]+): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
