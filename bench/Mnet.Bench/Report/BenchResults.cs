using Mnet.Bench.ColdStart;
using Mnet.Bench.Drift;
using Mnet.Bench.Etiquette;
using Mnet.Bench.Lib;
using Mnet.Bench.Migration;

namespace Mnet.Bench.Report;

/// <summary>Every figure of one benchmark run.</summary>
public sealed record BenchResults(
    DateTimeOffset Date,
    Machine Machine,
    string Command,
    bool Quick,
    double TotalSeconds,
    DriftResults Drift,
    MigrationResults Migration,
    IReadOnlyList<EtiquetteResult> Etiquette,
    ColdStartResult ColdStart);
