using Mnet.Service.Configuration;

namespace Mnet.Service.Tests.Configuration;

public class SettingCatalogTests
{
    [Fact]
    public void Names_are_unique_and_every_name_constant_is_in_the_catalog()
    {
        var names = SettingCatalog.All.Select(s => s.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var constants = typeof(SettingNames).GetFields()
            .Where(f => f.IsLiteral && f.Name != nameof(SettingNames.PartSeparator))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);
        Assert.Equal(constants, names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_default_and_every_sample_passes_its_own_check()
    {
        foreach (var spec in SettingCatalog.All)
        {
            foreach (var value in new[] { spec.DefaultValue, spec.Sample }.Where(v => v.Length > 0))
            {
                Assert.True(spec.Validate?.Invoke(value) is null, $"{spec.Name}: {value} fails {spec.Validate?.Invoke(value)}");
            }
            Assert.False(spec.Required && spec.DefaultValue.Length > 0, $"{spec.Name} is required and has a default");
            Assert.False(string.IsNullOrWhiteSpace(spec.Description), spec.Name);
        }
    }

    [Fact]
    public void The_samples_load_as_a_valid_local_configuration()
    {
        var samples = SettingCatalog.All.ToDictionary(s => s.Name, s => (string?)s.Sample);
        samples[SettingNames.ArmCaFile] = "";
        var settings = MnetSettingsLoader.Load(samples);
        Assert.Equal("mnetautopilotlocal", settings.TaskHub);
        Assert.Equal(new Uri("https://127.0.0.1:8443"), settings.ArmEndpoint);
    }

    [Fact]
    public void Identity_based_stand_ins_are_the_connections_infra_sets()
    {
        var standIns = SettingCatalog.All
            .SelectMany(s => s.Alternatives.Select(a => (s.Name, a.Name)))
            .ToList();
        Assert.Equal(
            [("AzureWebJobsStorage", "AzureWebJobsStorage__accountName"), ("MNET_EVENT_QUEUE_STORAGE", "MNET_EVENT_QUEUE_STORAGE__queueServiceUri")],
            standIns);
        var bad = SettingsFixture.ProblemsOf(SettingsFixture.With(("AzureWebJobsStorage", null), ("AzureWebJobsStorage__accountName", "St-Mnet")));
        Assert.Equal(["AzureWebJobsStorage__accountName must be a storage account name: 3-24 lower-case letters and digits"], bad);
    }
}
