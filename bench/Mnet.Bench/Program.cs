using Mnet.Bench;
using Mnet.Bench.Drift;
using Mnet.Bench.Reliability;
using Mnet.Emulator;

// Modes: the benchmark (default; --json, --quick), `reliability` (docs/reliability.md), and the child modes the
// benchmark starts itself in (emulator, scan-child).
switch (args.FirstOrDefault())
{
    case "emulator":
        return await EmulatorCommand.RunAsync(0, args[1], 1, args[2], Console.Out, CancellationToken.None, Console.Error);
    case "scan-child":
        return await DriftScanChild.RunAsync(args[1], new Uri(args[2]), args[3]);
    case "noop":
        Console.WriteLine("ok");
        return 0;
    case "reliability":
        return await ReliabilityCommand.RunAsync(args.Skip(1).ToArray());
    default:
        return await BenchCommand.RunAsync(args);
}
