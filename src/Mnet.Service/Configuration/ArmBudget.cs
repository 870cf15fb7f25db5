using System.Globalization;
using Mnet.Core.Catalog;

namespace Mnet.Service.Configuration;

/// <summary>
/// The app's ARM budget holds for the app, not per process: ARM's buckets are per subscription and principal, and
/// every instance of the app is the same principal. So MNET_ARM_MAX_INSTANCES (the most instances that may call ARM
/// at once) times each per-instance ceiling must stay within ARM's refill rates (<see cref="ArmRequestLimits"/>).
/// </summary>
public static class ArmBudget
{
    /// <summary>
    /// Flex Consumption scale groups of the Functions app that may call ARM: the HTTP functions, the Durable functions
    /// (activities), the event queue trigger and the drift timer. Flex applies the maximum instance count to EACH
    /// group (<see cref="FlexConsumptionScale"/>), so infra sets MNET_ARM_MAX_INSTANCES to the maximum instance
    /// count times this.
    /// </summary>
    public const int FlexScaleGroupsCallingArm = 4;

    /// <summary>The app-wide request rate the per-instance ceilings allow, against ARM's read refill.</summary>
    public const int RequestsPerSecond = ArmRequestLimits.ReadsPerSecond;

    /// <summary>The app-wide write rate (PUT, PATCH, POST, DELETE) against ARM's write and delete refills.</summary>
    public const int WritesPerSecond = ArmRequestLimits.ChangesPerSecond;

    /// <summary>Problems of the pair (instances x ceiling), each naming the per-instance setting to lower.</summary>
    public static IReadOnlyList<SettingProblem> Check(int maxInstances, double requestsPerSecond, double writesPerSecond)
    {
        var problems = new List<SettingProblem>();
        Over(SettingNames.ArmRequestsPerSecond, requestsPerSecond, RequestsPerSecond, "requests", "reads");
        Over(SettingNames.ArmWritesPerSecond, writesPerSecond, WritesPerSecond, "writes", "writes (and deletes)");
        return problems;

        void Over(string setting, double perInstance, int limit, string what, string armWhat)
        {
            var total = maxInstances * perInstance;
            if (total <= limit) return;
            problems.Add(new SettingProblem(setting,
                $"{setting} x {SettingNames.ArmMaxInstances} = {Format(perInstance)} x {maxInstances} = {Format(total)} {what}/s, " +
                $"over ARM's {limit} {armWhat}/s per subscription for the app's identity: lower {setting} to at most " +
                $"{Format(MaxPerInstance(limit, maxInstances))} or lower the maximum instance count"));
        }
    }

    /// <summary>The largest per-instance ceiling (to the thousandth, rounded down) that keeps the app within the limit.</summary>
    public static double MaxPerInstance(int limit, int maxInstances) =>
        Math.Floor(limit * 1000.0 / maxInstances) / 1000;

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
