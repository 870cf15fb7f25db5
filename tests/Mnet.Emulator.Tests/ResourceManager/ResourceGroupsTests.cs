using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.ResourceManager;

public sealed class ResourceGroupsTests
{
    private const string V = "api-version=2021-04-01";

    [Fact]
    public async Task Put201Then200_Get_List_Head_LocationRequired_CaseInsensitivePath()
    {
        await using var emu = await TestEmulator.StartAsync();
        var p1 = await emu.Put($"/subscriptions/{Wire.Sub}/resourcegroups/rg-Case?{V}", new { location = "West Europe", tags = new { a = "1" } });
        Assert.Equal(201, p1.Status);
        Assert.Equal("westeurope", Json.Str(p1.Body, "location"));
        Assert.Equal($"/subscriptions/{Wire.Sub}/resourceGroups/rg-Case", Json.Str(p1.Body, "id"));
        Assert.Equal("Succeeded", Json.Str(p1.Body, "properties.provisioningState"));

        Assert.Equal(200, (await emu.Put($"/subscriptions/{Wire.Sub}/resourcegroups/rg-case?{V}", new { location = "westeurope" })).Status);
        var get = await emu.Get($"/SUBSCRIPTIONS/{Wire.Sub}/resourceGroups/RG-CASE?{V}");
        Assert.Equal(200, get.Status);
        Assert.Equal("rg-Case", Json.Str(get.Body, "name"));
        Assert.Equal("1", Json.Str(get.Body, "tags.a"));

        var noLoc = await emu.Put($"/subscriptions/{Wire.Sub}/resourcegroups/rg-noloc?{V}", new { });
        Assert.Equal(400, noLoc.Status);
        Assert.Equal("LocationRequired", noLoc.ErrorCode);

        var list = await emu.Get($"/subscriptions/{Wire.Sub}/resourcegroups?{V}");
        Assert.Contains(list.Body!["value"]!.AsArray(), g => Json.Str(g, "name") == "rg-Case");
        Assert.Equal(204, (await emu.Call("HEAD", $"/subscriptions/{Wire.Sub}/resourcegroups/rg-case?{V}")).Status);
        Assert.Equal(404, (await emu.Call("HEAD", $"/subscriptions/{Wire.Sub}/resourcegroups/rg-none?{V}")).Status);
    }

    [Fact]
    public async Task LocationCannotChange_BadNamesRefused_UnknownSubscription404_PatchReplacesTags_ListFiltersOnTags()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.Put($"/subscriptions/{Wire.Sub}/resourcegroups/rg-x?{V}", new { location = "eastus", tags = new { a = "1" } });

        var moved = await emu.Put($"/subscriptions/{Wire.Sub}/resourcegroups/rg-x?{V}", new { location = "westus" });
        Assert.Equal(409, moved.Status);
        Assert.Equal("InvalidResourceGroupLocation", moved.ErrorCode);
        Assert.Equal("InvalidResourceGroupName",
            (await emu.Put($"/subscriptions/{Wire.Sub}/resourcegroups/bad.?{V}", new { location = "eastus" })).ErrorCode);
        Assert.Equal("SubscriptionNotFound",
            (await emu.Put($"/subscriptions/99999999-0000-0000-0000-000000000009/resourcegroups/rg?{V}", new { location = "eastus" })).ErrorCode);

        var patched = await emu.Patch($"/subscriptions/{Wire.Sub}/resourcegroups/rg-x?{V}", new { tags = new { b = "2" } });
        Assert.Equal(200, patched.Status);
        Assert.Null(Json.Str(patched.Body, "tags.a"));
        Assert.Equal("2", Json.Str(patched.Body, "tags.b"));

        await emu.Put($"/subscriptions/{Wire.Sub}/resourcegroups/rg-y?{V}", new { location = "eastus", tags = new { b = "3" } });
        var tagged = await emu.Get($"/subscriptions/{Wire.Sub}/resourcegroups?{V}&$filter={Uri.EscapeDataString("tagName eq 'b' and tagValue eq '2'")}");
        Assert.Equal(["rg-x"], tagged.Body!["value"]!.AsArray().Select(g => Json.Str(g, "name")));
    }

    [Fact]
    public async Task EveryPublishedVersionIsAccepted_OthersAreInvalidApiVersionParameterListingThem()
    {
        await using var emu = await TestEmulator.StartAsync();
        foreach (var v in new[] { "2021-04-01", "2022-09-01", "2024-03-01", "2016-09-01" })
        {
            Assert.Equal(200, (await emu.Get($"/subscriptions/{Wire.Sub}/resourcegroups?api-version={v}")).Status);
        }

        var wrong = await emu.Get($"/subscriptions/{Wire.Sub}/resourcegroups?api-version=2025-09-01");
        Assert.Equal(400, wrong.Status);
        Assert.Equal("InvalidApiVersionParameter", wrong.ErrorCode);
        Assert.Contains("2022-09-01", Json.Str(wrong.Body, "error.message"), StringComparison.Ordinal);
        Assert.Equal("MissingApiVersionParameter", (await emu.Get($"/subscriptions/{Wire.Sub}/resourcegroups")).ErrorCode);
    }
}
