using System.Runtime.InteropServices;

namespace Mnet.Bench.Lib;

/// <summary>Where the figures were measured.</summary>
/// <param name="LoadAverage">/proc/loadavg's 1, 5 and 15-minute load when the run started: other work on the machine.</param>
public sealed record Machine(string Cpu, int Cores, double MemoryGiB, string Os, string Dotnet, string LoadAverage)
{
    public static Machine Detect()
    {
        string cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1].Trim() ?? cpu;
        }

        double memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        string load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        return new Machine(cpu, Environment.ProcessorCount, Math.Round(memory, 1), RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, load);
    }
}
