namespace Mnet.Bench.ColdStart;

/// <summary>Start-up figures (medians of <see cref="Runs"/> fresh processes after one warm-up for the file cache).</summary>
/// <param name="WorkerReadyMs">Spawn of <c>dotnet Mnet.Functions.dll</c> to its first connection to the host's gRPC endpoint
/// (a bare listener stands in for the absent host): configuration validated, composition root built, host started.</param>
/// <param name="CliFirstOutputMs">Spawn of <c>dotnet .build/mnet/mnet.dll --version</c> to its first byte on stdout.</param>
/// <param name="EmptyProcessMs">Spawn to first output of a near-empty .NET console process (the bench's own <c>noop</c> mode), for scale.</param>
public sealed record ColdStartResult(
    int Runs,
    double? WorkerReadyMs,
    double? WorkerReadyMinMs,
    double? WorkerReadyMaxMs,
    string? WorkerNote,
    double? CliFirstOutputMs,
    double? CliFirstOutputMinMs,
    double? CliFirstOutputMaxMs,
    string? CliNote,
    double EmptyProcessMs,
    int PublishFiles,
    double PublishMb,
    int PublishAssemblies,
    string PublishFolder);
