using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Operations;

/// <summary>The header-style option makes either client poll path reachable on any operation.</summary>
public sealed class LroHeaderStyleTests
{
    [Fact]
    public async Task The_AzureAsyncOperation_style_gives_a_workspace_PUT_a_status_poll_instead_of_Location()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { LroHeaders = LroHeaderStyle.AzureAsyncOperation });
        emu.EnsureResourceGroup("rg-a");
        var put = await emu.Put($"{Wire.WsPath("rg-a", "ws-a")}?{Wire.Ml}", Json.Parse("""{"location":"eastus"}"""));
        Assert.Equal(202, put.Status);
        Assert.Null(put.Header("Location"));
        var poll = put.RequiredHeader("Azure-AsyncOperation");
        Assert.Equal("InProgress", Json.Str((await emu.Get(poll)).Body, "status"));
        emu.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Succeeded", Json.Str((await emu.Get(poll)).Body, "status"));
    }

    [Fact]
    public async Task The_Location_style_gives_a_compute_PUT_a_Location_poll_that_ends_with_the_compute()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { LroHeaders = LroHeaderStyle.Location });
        await emu.CreateWorkspace("rg-l", "ws-l");
        var put = await emu.Put($"{Wire.WsPath("rg-l", "ws-l")}/computes/cl1?{Wire.Ml}",
            Json.Parse("""{"location":"eastus","properties":{"computeType":"AmlCompute","properties":{"vmSize":"STANDARD_DS3_V2"}}}"""));
        Assert.Equal(201, put.Status);
        Assert.Null(put.Header("Azure-AsyncOperation"));
        var location = put.RequiredHeader("Location");
        Assert.Equal(202, (await emu.Get(location)).Status);
        emu.Advance(TimeSpan.FromMinutes(5));
        var done = await emu.Get(location);
        Assert.Equal(200, done.Status);
        Assert.Equal("Succeeded", Json.Str(done.Body, "properties.provisioningState"));
    }

    [Fact]
    public async Task The_Both_style_sends_both_headers_as_the_TypeScript_emulator_did()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { LroHeaders = LroHeaderStyle.Both });
        await emu.CreateWorkspace("rg-b", "ws-b", "AllowOnlyApprovedOutbound");
        var res = await emu.Provision("rg-b", "ws-b");
        res.RequiredHeader("Location");
        res.RequiredHeader("Azure-AsyncOperation");
        res.RequiredHeader("Retry-After");
    }
}
