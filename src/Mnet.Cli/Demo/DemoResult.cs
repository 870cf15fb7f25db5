using Mnet.Cli.Report;

namespace Mnet.Cli.Demo;

/// <summary>What a demo run produced. Dispose it to stop the environment kept open with <see cref="DemoOptions.KeepOpen"/>.</summary>
public sealed record DemoResult(RunReport Report, string HtmlPath, string MarkdownPath, DriftScanResult FirstScan, DriftScanResult FinalScan, DemoEnvironment? Environment)
    : IAsyncDisposable
{
    /// <summary>The final scan found nothing to act on.</summary>
    public bool Clean => FinalScan.Drifted.Count == 0 && FinalScan.Refused.Count == 0;

    public async ValueTask DisposeAsync()
    {
        if (Environment is not null) await Environment.DisposeAsync();
    }
}
