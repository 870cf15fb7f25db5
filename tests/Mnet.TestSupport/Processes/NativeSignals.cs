using System.Diagnostics;
using System.Globalization;

namespace Mnet.TestSupport.Processes;

/// <summary>Signals a whole process group: .NET can kill a process tree but not a group, so kill(1) does it.</summary>
internal static class NativeSignals
{
    /// <summary>
    /// SIGKILL to every process in group <paramref name="processGroupId"/>; false when none was left.
    /// </summary>
    public static bool KillGroup(int processGroupId)
    {
        var start = new ProcessStartInfo("kill")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string group = "-" + processGroupId.ToString(CultureInfo.InvariantCulture);
        foreach (string argument in (string[])["-KILL", "--", group])
        {
            start.ArgumentList.Add(argument);
        }

        using Process kill = Process.Start(start) ?? throw new InvalidOperationException("could not run kill(1)");
        kill.WaitForExit();
        return kill.ExitCode == 0;
    }
}
