using System.Diagnostics;
using System.Globalization;

namespace Mnet.TestSupport.Processes;

/// <summary>
/// A child process started in a process group of its own (via setsid), so that killing it takes everything it
/// started with it: no orphan outlives a test. A guard shell in the group also kills the group if the test host
/// dies first. Standard output and error are collected as lines.
/// </summary>
public sealed class ProcessGroup : IAsyncDisposable
{
    // Runs the command in the background and watches both it and the test host; if the host goes first, the whole
    // group is killed. Otherwise it exits with the command's exit code.
    const string GuardScript =
        "owner=$1; shift; \"$@\" & child=$!; " +
        "while kill -0 \"$owner\" 2>/dev/null && kill -0 \"$child\" 2>/dev/null; do sleep 0.5; done; " +
        "if ! kill -0 \"$owner\" 2>/dev/null; then kill -KILL 0; fi; wait \"$child\"";

    readonly Process process;
    readonly List<string> lines = [];
    readonly string description;

    ProcessGroup(Process process, string description)
    {
        this.process = process;
        this.description = description;
    }

    /// <summary>The group's id: the process id of its leader (the guard shell).</summary>
    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Every line written so far to standard output or error, in arrival order.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (lines)
            {
                return lines.ToArray();
            }
        }
    }

    public static ProcessGroup Start(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in (string[])["bash", "-c", GuardScript, "mnet-process-guard",
                     Environment.ProcessId.ToString(CultureInfo.InvariantCulture), fileName])
        {
            start.ArgumentList.Add(argument);
        }

        List<string> args = arguments.ToList();
        args.ForEach(start.ArgumentList.Add);
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        string description = string.Join(' ', [fileName, .. args]);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var group = new ProcessGroup(process, description);
        process.OutputDataReceived += (_, e) => group.Append(e.Data);
        process.ErrorDataReceived += (_, e) => group.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start '{description}'");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return group;
    }

    /// <summary>Waits for an output line matching <paramref name="match"/> and returns it.</summary>
    /// <exception cref="TimeoutException">No such line within <paramref name="timeout"/>; the output so far is in the
    /// message.</exception>
    /// <exception cref="InvalidOperationException">The process ended without writing such a line.</exception>
    public async Task<string> WaitForLineAsync(
        Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string? found = Output.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (process.HasExited)
            {
                // Late lines may still be in flight after the exit: read them before giving up.
                await process.WaitForExitAsync(cancellationToken);
                found = Output.FirstOrDefault(match);
                return found ?? throw new InvalidOperationException(
                    $"'{description}' exited ({process.ExitCode}) before the expected line.{Tail()}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"'{description}' wrote no expected line within {timeout}.{Tail()}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>SIGKILL to the whole group, then waits for its leader to be gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            NativeSignals.KillGroup(process.Id);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
        }
        else
        {
            // The leader ended on its own; anything it left in the group goes too.
            NativeSignals.KillGroup(process.Id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }
    }

    string Tail()
    {
        IReadOnlyList<string> output = Output;
        return output.Count == 0 ? " (no output)" : $" Last output:\n{string.Join('\n', output.TakeLast(40))}";
    }
}
