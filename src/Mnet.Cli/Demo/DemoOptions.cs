namespace Mnet.Cli.Demo;

/// <summary>How to run the demo.</summary>
public sealed record DemoOptions
{
    /// <summary>Where demo.html and demo.md go.</summary>
    public required string OutDir { get; init; }

    /// <summary>The policy to enforce; null: examples/demo-policy.yaml.</summary>
    public string? PolicyPath { get; init; }

    /// <summary>How much faster than real time the emulator's clock runs.</summary>
    public double TimeScale { get; init; } = DefaultTimeScale;

    public const double DefaultTimeScale = 1200;

    public IDemoProgress Progress { get; init; } = SilentDemoProgress.Instance;

    /// <summary>Logs of the service and its engine; null: none.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? Loggers { get; init; }

    /// <summary>Leave the emulator and service running (tests compare the report with the final state); dispose the result.</summary>
    public bool KeepOpen { get; init; }
}
