using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Ml.Computes;

/// <summary>Issue 14: compute shapes and headers as in the 2025-09-01 examples.</summary>
public sealed class ComputeFidelityTests : IAsyncLifetime
{
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private static string ComputePath(string c, string query = "") => $"{Wire.WsPath("rg-cf", "ws-cf")}/computes/{c}?{Wire.Ml}{query}";

    [Fact]
    public async Task A_compute_instance_carries_sshSettings_osImageMetadata_createdBy_and_errors_null()
    {
        await emu.CreateWorkspace("rg-cf", "ws-cf");
        var put = await emu.Put(ComputePath("ci-1"), Json.Parse("""
            {"location":"eastus","properties":{"computeType":"ComputeInstance","properties":{"vmSize":"STANDARD_DS11_V2","sshSettings":{"sshPublicAccess":"Enabled","adminPublicKey":"ssh-rsa AAAA x"},"customServices":[{"name":"rstudio"}]}}}
            """));
        Assert.Equal(201, put.Status);
        put.RequiredHeader("Azure-AsyncOperation");
        Assert.Null(put.Header("Location"));
        emu.Advance(TimeSpan.FromMinutes(5));
        var props = Json.At((await emu.Get(ComputePath("ci-1"))).Body, "properties.properties")!.AsObject();
        Assert.Equal("Enabled", Json.Str(props, "sshSettings.sshPublicAccess"));
        Assert.Equal("ssh-rsa AAAA x", Json.Str(props, "sshSettings.adminPublicKey"));
        Assert.Equal("azureuser", Json.Str(props, "sshSettings.adminUserName"));
        Assert.Equal(22, Json.At(props, "sshSettings.sshPort")!.GetValue<int>());
        Assert.NotNull(Json.Str(props, "osImageMetadata.currentImageVersion"));
        Assert.NotNull(Json.At(props, "osImageMetadata.isLatestOsImageVersion"));
        Assert.Matches("^[0-9a-f-]{36}$", Json.Str(props, "createdBy.userId"));
        Assert.Equal(Wire.Tenant, Json.Str(props, "createdBy.userOrgId"));
        Assert.NotNull(Json.Str(props, "createdBy.userName"));
        Assert.True(props.ContainsKey("errors"));
        Assert.Null(props["errors"]);
        Assert.Equal("rstudio", Json.Str(props["customServices"]![0], "name"));
    }

    [Fact]
    public async Task Compute_DELETE_answers_Azure_AsyncOperation_and_Location_and_power_actions_Azure_AsyncOperation()
    {
        await emu.CreateWorkspace("rg-cf", "ws-cf");
        await emu.Put(ComputePath("ci-2"), Json.Parse("""{"location":"eastus","properties":{"computeType":"ComputeInstance","properties":{"vmSize":"STANDARD_DS11_V2"}}}"""));
        emu.Advance(TimeSpan.FromMinutes(5));
        var stop = await emu.Post($"{Wire.WsPath("rg-cf", "ws-cf")}/computes/ci-2/stop?{Wire.Ml}");
        Assert.Equal(202, stop.Status);
        stop.RequiredHeader("Azure-AsyncOperation");
        Assert.Null(stop.Header("Location"));
        emu.Advance(TimeSpan.FromMinutes(1));
        var del = await emu.Delete(ComputePath("ci-2", "&underlyingResourceAction=Delete"));
        Assert.Equal(202, del.Status);
        del.RequiredHeader("Azure-AsyncOperation");
        del.RequiredHeader("Location");
    }
}
