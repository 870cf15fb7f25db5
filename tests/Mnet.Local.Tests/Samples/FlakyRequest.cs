namespace Mnet.Local.Tests.Samples;

/// <summary>Fail the first <paramref name="Failures"/> attempts counted under <paramref name="Key"/>.</summary>
public sealed record FlakyRequest(string Key, int Failures);
