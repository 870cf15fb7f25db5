using System.Text.Json;
using Mnet.Service.Configuration;
using Mnet.TestSupport.Repository;

namespace Mnet.Service.Tests.Configuration;

/// <summary>local.settings.sample.json holds exactly the settings the app validates, with the catalog's samples.</summary>
public class LocalSettingsSampleTests
{
    [Fact]
    public void The_sample_sets_every_setting_with_its_sample_value_and_nothing_else()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("local.settings.sample.json")));
        var values = document.RootElement.GetProperty("Values").EnumerateObject()
            .Select(p => (p.Name, Value: p.Value.GetString()))
            .ToList();
        Assert.Equal(SettingCatalog.All.Select(s => (s.Name, (string?)s.Sample)), values);
        Assert.False(document.RootElement.GetProperty("IsEncrypted").GetBoolean());
    }
}
