using System.Globalization;

namespace Mnet.Workflows.Tests.Reliability;

/// <summary>
/// The soak knob: MNET_SOAK=N (a positive integer) multiplies the reliability suites' counts by N, e.g.
/// <c>MNET_SOAK=4 dotnet test tests/Mnet.Workflows.Tests --filter "FullyQualifiedName~Reliability.FaultInjection"</c>
/// runs 200 onboardings + 40 migrations. Unset, blank or not a positive integer: 1 (the quick run of the normal suite).
/// </summary>
public static class SoakScale
{
    public const string Variable = "MNET_SOAK";

    public static int Factor { get; } = Parse(Environment.GetEnvironmentVariable(Variable));

    public static int Parse(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 1;
}
