using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mnet.Core.Catalog;
using Mnet.Service.Configuration;

namespace Mnet.Infra.Tests.Checks;

/// <summary>
/// The instance ceiling and the per-instance ARM ceilings are set together in infra: maximumInstanceCount feeds both
/// functionAppConfig and MNET_ARM_MAX_INSTANCES (times the scale groups that call ARM), and the default ceilings are
/// derived from ARM's refill rates (arm-limits.json = Mnet.Core ArmRequestLimits), so that the app as a whole stays
/// inside the budget the app itself checks at start-up (Mnet.Service ArmBudget) - for every allowed instance count.
/// </summary>
public static class ArmBudgetInfraCheck
{
    public static IReadOnlyList<string> Check(string main, string functionApp, string armLimitsJson)
    {
        var problems = new List<string>();
        var mainCode = BicepText.StripComments(main);
        var fa = BicepText.StripComments(functionApp);

        var limits = ParseLimits(armLimitsJson, problems);
        Expect(limits.Reads == ArmRequestLimits.ReadsPerSecond, $"arm-limits.json readsPerSecond is {limits.Reads}, the catalog's ArmRequestLimits.ReadsPerSecond {ArmRequestLimits.ReadsPerSecond}");
        Expect(limits.Writes == ArmRequestLimits.WritesPerSecond, $"arm-limits.json writesPerSecond is {limits.Writes}, the catalog's {ArmRequestLimits.WritesPerSecond}");
        Expect(limits.Deletes == ArmRequestLimits.DeletesPerSecond, $"arm-limits.json deletesPerSecond is {limits.Deletes}, the catalog's {ArmRequestLimits.DeletesPerSecond}");

        var groupsText = BicepText.VarExpression(main, "armScaleGroups");
        var groups = int.TryParse(groupsText, NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : 0;
        Expect(groups == ArmBudget.FlexScaleGroupsCallingArm,
            $"main.bicep armScaleGroups is {groupsText ?? "missing"}, the app counts {ArmBudget.FlexScaleGroupsCallingArm} scale groups that call ARM (ArmBudget.FlexScaleGroupsCallingArm)");
        Expect(BicepText.VarExpression(main, "armLimits") == "loadJsonContent('arm-limits.json')", "main.bicep does not read ARM's limits from arm-limits.json");
        Expect(BicepText.VarExpression(main, "armMaxInstances") == "maximumInstanceCount * armScaleGroups",
            "main.bicep armMaxInstances is not maximumInstanceCount * armScaleGroups");
        Expect(BicepText.VarExpression(main, "armRequestsMilli") == "(armLimits.readsPerSecond * 1000) / armMaxInstances",
            "the default request ceiling is not ARM's read refill shared by armMaxInstances");
        Expect(BicepText.VarExpression(main, "armWritesMilli") == "(min(armLimits.writesPerSecond, armLimits.deletesPerSecond) * 1000) / armMaxInstances",
            "the default write ceiling is not ARM's write/delete refill shared by armMaxInstances");
        foreach (var (name, milli) in new[] { ("derivedArmRequestsPerSecond", "armRequestsMilli"), ("derivedArmWritesPerSecond", "armWritesMilli") })
        {
            Expect(BicepText.VarExpression(main, name) == $"'${{{milli} / 1000}}.${{padLeft(string({milli} % 1000), 3, '0')}}'",
                $"{name} is not {milli} written as a decimal to the thousandth");
        }

        var decorators = BicepText.ParamDecorators(main, "maximumInstanceCount");
        Expect(decorators.Contains($"@minValue({FlexConsumptionScale.MinimumMaximumInstanceCount})") && decorators.Contains($"@maxValue({FlexConsumptionScale.MaximumMaximumInstanceCount})"),
            $"maximumInstanceCount is not bounded by Flex Consumption's {FlexConsumptionScale.MinimumMaximumInstanceCount}..{FlexConsumptionScale.MaximumMaximumInstanceCount}");
        var defaultText = BicepText.ParamDefault(main, "maximumInstanceCount");
        var defaultCount = int.TryParse(defaultText, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0;
        Expect(defaultCount > 0, "maximumInstanceCount has no whole-number default");

        var module = BicepText.ModuleBody(main, "modules/function-app.bicep") ?? "";
        foreach (var (param, value) in new[]
        {
            ("maximumInstanceCount", "maximumInstanceCount"),
            ("armMaxInstances", "armMaxInstances"),
            ("armRequestsPerSecond", "empty(armRequestsPerSecond) ? derivedArmRequestsPerSecond : armRequestsPerSecond"),
            ("armWritesPerSecond", "empty(armWritesPerSecond) ? derivedArmWritesPerSecond : armWritesPerSecond"),
        })
        {
            Expect(Regex.IsMatch(module, $@"^\s*{param}\s*:\s*{Regex.Escape(value)}\s*$", RegexOptions.Multiline), $"main.bicep does not pass {param}: {value} to the function app");
        }
        Expect(Regex.IsMatch(fa, @"scaleAndConcurrency\s*:\s*\{[^}]*\bmaximumInstanceCount\s*:\s*maximumInstanceCount\b"),
            "the function app's scaleAndConcurrency.maximumInstanceCount is not the maximumInstanceCount parameter");
        Expect(BicepText.AppSettingValue(functionApp, SettingNames.ArmMaxInstances) == "string(armMaxInstances)", "MNET_ARM_MAX_INSTANCES is not string(armMaxInstances)");
        Expect(BicepText.AppSettingValue(functionApp, SettingNames.ArmRequestsPerSecond) == "armRequestsPerSecond", "MNET_ARM_REQUESTS_PER_SECOND is not the armRequestsPerSecond parameter");
        Expect(BicepText.AppSettingValue(functionApp, SettingNames.ArmWritesPerSecond) == "armWritesPerSecond", "MNET_ARM_WRITES_PER_SECOND is not the armWritesPerSecond parameter");

        // What the app would see for the default and every representative instance count: it must start.
        if (groups > 0 && limits.Reads > 0)
        {
            foreach (var count in new[] { defaultCount, 1, 2, 3, 7, 40, 100, FlexConsumptionScale.MaximumMaximumInstanceCount }.Where(c => c > 0).Distinct())
            {
                var values = new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    [SettingNames.HostStorage] = "UseDevelopmentStorage=true",
                    [SettingNames.WorkerRuntime] = SettingCatalog.DotnetIsolated,
                    [SettingNames.Subscriptions] = "00000000-0000-0000-0000-000000000001",
                    [SettingNames.EventQueueStorage] = "UseDevelopmentStorage=true",
                    // Only the budget is simulated here; approver auth is checked on its own.
                    [SettingNames.ApproverAuth] = "function-key",
                };
                foreach (var (name, value) in Simulate(count, groups, limits)) values[name] = value;
                try
                {
                    MnetSettingsLoader.Load(values);
                }
                catch (MnetSettingsException e)
                {
                    problems.AddRange(e.Problems.Select(p => $"maximumInstanceCount {count}: the app would not start: {p.Message}"));
                }
            }
        }
        return problems;

        void Expect(bool condition, string problem)
        {
            if (!condition) problems.Add(problem);
        }
    }

    /// <summary>
    /// The ARM settings infra writes for a maximum instance count (the Bicep arithmetic of main.bicep: integer
    /// thousandths, rounded down).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Simulate(int maximumInstanceCount, int scaleGroups, (int Reads, int Writes, int Deletes) limits)
    {
        var instances = maximumInstanceCount * scaleGroups;
        static string Decimal(int milli) => string.Create(CultureInfo.InvariantCulture, $"{milli / 1000}.{milli % 1000:D3}");
        return new Dictionary<string, string>
        {
            [SettingNames.ArmMaxInstances] = instances.ToString(CultureInfo.InvariantCulture),
            [SettingNames.ArmRequestsPerSecond] = Decimal(limits.Reads * 1000 / instances),
            [SettingNames.ArmWritesPerSecond] = Decimal(Math.Min(limits.Writes, limits.Deletes) * 1000 / instances),
        };
    }

    public static (int Reads, int Writes, int Deletes) ParseLimits(string json, List<string> problems)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return (root.GetProperty("readsPerSecond").GetInt32(), root.GetProperty("writesPerSecond").GetInt32(), root.GetProperty("deletesPerSecond").GetInt32());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problems.Add($"arm-limits.json is not readsPerSecond/writesPerSecond/deletesPerSecond numbers: {e.Message}");
            return (0, 0, 0);
        }
    }
}
