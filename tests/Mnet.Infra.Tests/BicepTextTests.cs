using Mnet.Infra.Tests.Checks;

namespace Mnet.Infra.Tests;

/// <summary>The text helpers the cross-checks read Bicep with (port of "helpers ignore comments and read arrays and tables").</summary>
public class BicepTextTests
{
    [Fact]
    public void Helpers_ignore_comments_and_read_arrays_settings_and_tables()
    {
        var bicep = string.Join('\n',
            "var xs = [ // comment ]",
            "  'a'",
            "  // 'commented'",
            "  '${interpolated}'",
            "  'b]'",
            "]",
            "appSettings: [ { name: 'ONE', value: 'x' }",
            "/* { name: 'HIDDEN', value: '' } */",
            "{ name: 'TWO', value: 'y[' } ]");
        Assert.Equal(["a", "b]"], BicepText.StringArrayVar(bicep, "xs"));
        Assert.Equal(["ONE", "TWO"], BicepText.AppSettingNames(bicep));
        Assert.Equal("'x'", BicepText.AppSettingValue(bicep, "ONE"));
        var table = ReadmeTables.NotSetByInfra("# x\n## Settings not set by infra\n| Setting | Reason |\n|---|---|\n| `A_B` | because |\n## next\n| `C` | no |\n");
        Assert.Equal([new KeyValuePair<string, string>("A_B", "because")], table);
    }

    [Fact]
    public void Helpers_read_params_vars_modules_runtime_and_resources()
    {
        var bicep = string.Join('\n',
            "@minValue(1)",
            "@maxValue(9)",
            "param count int = 3",
            "var doubled = count * 2",
            "module m 'modules/x.bicep' = {",
            "  params: {",
            "    a: { b: 'c' }",
            "  }",
            "}",
            "resource r 'Microsoft.Web/sites@2024-04-01' = if (true) {",
            "  runtime: {",
            "    name: 'dotnet-isolated'",
            "    version: dotnetVersion",
            "  }",
            "}");
        Assert.Equal("3", BicepText.ParamDefault(bicep, "count"));
        Assert.Equal(["@minValue(1)", "@maxValue(9)"], BicepText.ParamDecorators(bicep, "count"));
        Assert.Equal("count * 2", BicepText.VarExpression(bicep, "doubled"));
        Assert.StartsWith("{\n  params: {", BicepText.ModuleBody(bicep, "modules/x.bicep"), StringComparison.Ordinal);
        Assert.Equal(("dotnet-isolated", "dotnetVersion"), BicepText.FlexRuntime(bicep));
        Assert.Equal([("Microsoft.Web/sites", "2024-04-01")], BicepText.ResourceTypeVersions(bicep));
        Assert.Single(BicepText.Resources(bicep, "Microsoft.Web/sites"));
    }
}
