namespace Mnet.Core.Tests.Architecture.Impure;

/// <summary>Deliberately impure: proves the purity check can fail (CorePurityTests).</summary>
internal static class ReadsTheClock
{
    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow();
}
