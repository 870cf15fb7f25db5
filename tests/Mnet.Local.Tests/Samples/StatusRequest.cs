namespace Mnet.Local.Tests.Samples;

/// <summary>Set a custom status of <paramref name="Characters"/> characters, through the limit check or not.</summary>
public sealed record StatusRequest(int Characters, bool Checked);
