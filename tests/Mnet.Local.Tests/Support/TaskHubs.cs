using System.Globalization;
using System.Threading;

namespace Mnet.Local.Tests.Support;

/// <summary>Task hub names no other test uses, so tests sharing one Azurite never see each other's instances.</summary>
internal static class TaskHubs
{
    static int next;

    /// <summary>A valid task hub name (letters and digits) starting with <paramref name="prefix"/>.</summary>
    public static string Unique(string prefix) => string.Create(CultureInfo.InvariantCulture,
        $"{prefix}{Environment.ProcessId}x{Interlocked.Increment(ref next)}");
}
