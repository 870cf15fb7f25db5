using System.Globalization;

namespace Mnet.Bench.Lib;

/// <summary>This process's resident set, from /proc/self/status (Linux): VmHWM is the peak, VmRSS the current.</summary>
public static class ProcessMemory
{
    public static double PeakRssMb() => ReadMb("VmHWM:") ?? Environment.WorkingSet / (1024.0 * 1024.0);

    public static double RssMb() => ReadMb("VmRSS:") ?? Environment.WorkingSet / (1024.0 * 1024.0);

    static double? ReadMb(string key)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return null;
        foreach (string line in File.ReadLines(status))
        {
            if (!line.StartsWith(key, StringComparison.Ordinal)) continue;
            string[] parts = line[key.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return double.Parse(parts[0], CultureInfo.InvariantCulture) / 1024.0;
        }

        return null;
    }
}
