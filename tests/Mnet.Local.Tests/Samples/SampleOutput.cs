namespace Mnet.Local.Tests.Samples;

/// <summary>
/// The sample flow's results; <paramref name="TimerWaited"/> is orchestration time across the durable timer.
/// </summary>
public sealed record SampleOutput(
    string Greeting, string Approval, string Child, int FlakyAttempts, TimeSpan TimerWaited);
