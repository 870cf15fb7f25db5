using Mnet.Core.Policy;

namespace Mnet.Cli.Input;

/// <summary>
/// Reads a policy file for any command: a file that cannot be read is a usage error (exit 2); problems inside it are
/// results, printed one per line (errors on stdout: they are the result; warnings on stderr: advice).
/// </summary>
public static class PolicyInput
{
    public static PolicyLoadResult Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException($"policy file not found: {path}", "");
        }
        catch (DirectoryNotFoundException)
        {
            throw new UsageException($"policy file not found: {path}", "");
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            throw new UsageException($"policy file is a directory: {path}", "");
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot read policy file {path}: {e.Message}", "");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException($"cannot read policy file {path}: {e.Message}", "");
        }

        return PolicyLoader.Load(text, path);
    }

    public static void PrintProblems(PolicyLoadResult result, CliIo io)
    {
        if (!result.Ok)
        {
            foreach (var problem in result.Problems)
            {
                io.Out.WriteLine(PolicyProblemFormatter.Format(problem));
            }
        }

        foreach (var warning in result.Warnings)
        {
            io.Error.WriteLine(PolicyProblemFormatter.Format(warning with { Severity = ProblemSeverity.Warning }));
        }
    }

    /// <summary>
    /// The policy, or null after printing its problems and one <c>mnet: FILE: invalid policy, WHAT</c> line (the
    /// command then exits 1). Warnings are printed once, on standard error.
    /// </summary>
    public static Policy? ReadValid(string path, CliIo io, string what)
    {
        ArgumentNullException.ThrowIfNull(io);
        var result = Read(path);
        PrintProblems(result, io);
        if (!result.Ok)
        {
            io.Error.WriteLine($"mnet: {path}: invalid policy, {what}");
            return null;
        }

        return result.Policy;
    }
}
