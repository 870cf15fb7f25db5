using System.Globalization;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Scenarios;

/// <summary>Seeds a named scenario: "empty", "demo" or "scale:N" (see scenarios/README.md of the TypeScript tree).</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<string> Names { get; } = ["empty", "demo", "scale:N"];

    /// <exception cref="ArgumentException">Unknown scenario (the message lists the known ones).</exception>
    public static void Seed(EmulatorState state, string scenario)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario == "empty")
        {
            EmptyScenario.Seed(state);
            return;
        }

        if (scenario == "demo")
        {
            DemoScenario.Seed(state);
            return;
        }

        if (scenario.StartsWith("scale:", StringComparison.Ordinal)
            && int.TryParse(scenario["scale:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 0)
        {
            ScaleScenario.Seed(state, n);
            return;
        }

        throw new ArgumentException(
            $"unknown scenario '{scenario}'. Known: {string.Join(", ", Names)} (N a whole number).", nameof(scenario));
    }
}
