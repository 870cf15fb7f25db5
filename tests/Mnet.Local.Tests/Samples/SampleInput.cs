namespace Mnet.Local.Tests.Samples;

public sealed record SampleInput(string Name, int FlakyFailures);
