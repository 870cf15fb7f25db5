using Mnet.Emulator.Tests.Support;
using static Mnet.Emulator.Tests.Authorization.AuthorizationWire;

namespace Mnet.Emulator.Tests.Locks;

public sealed class LocksTests
{
    private static string StoragePath(string name = "stlock") =>
        $"/subscriptions/{Wire.Sub}/resourceGroups/rg-lock/providers/Microsoft.Storage/storageAccounts/{name}?api-version=2023-05-01";

    [Fact]
    public async Task PutGetList_AtGroupAndResourceScope_ReadOnlyBlocksWrites_CanNotDeleteBlocksDeletes()
    {
        await using var emu = await TestEmulator.StartAsync();
        await PutResourceGroup(emu, "rg-lock");
        var rgScope = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-lock";
        var resource = $"{rgScope}/providers/Microsoft.Storage/storageAccounts/stlock";
        Assert.Equal(201, (await emu.Put(StoragePath(), new { location = "eastus", properties = new { } })).Status);

        var put = await emu.Put($"{rgScope}/providers/Microsoft.Authorization/locks/no-delete?{LocksVersion}",
            new { properties = new { level = "CanNotDelete", notes = "keep" } });
        Assert.Equal(201, put.Status);
        Assert.Equal("CanNotDelete", Json.Str(put.Body, "properties.level"));
        Assert.Equal("keep", Json.Str(put.Body, "properties.notes"));
        var list = await emu.Get($"{rgScope}/providers/Microsoft.Authorization/locks?{LocksVersion}");
        Assert.Equal(["no-delete"], list.Body!["value"]!.AsArray().Select(l => Json.Str(l, "name")));
        var atResource = await emu.Get($"{resource}/providers/Microsoft.Authorization/locks?{LocksVersion}");
        Assert.Equal([$"{rgScope}/providers/Microsoft.Authorization/locks/no-delete"],
            atResource.Body!["value"]!.AsArray().Select(l => Json.Str(l, "id")));

        // CanNotDelete: writes pass, deletes fail.
        Assert.Equal(200, (await emu.Patch(StoragePath(), new { tags = new { a = "b" } })).Status);
        var del = await emu.Delete(StoragePath());
        Assert.Equal(409, del.Status);
        Assert.Equal("ScopeLocked", del.ErrorCode);
        Assert.Contains("cannot perform delete operation because following scope(s) are locked",
            Json.Str(del.Body, "error.message"), StringComparison.Ordinal);

        // ReadOnly at the resource: every write fails, reads pass.
        await emu.Put($"{resource}/providers/Microsoft.Authorization/locks/ro?{LocksVersion}", new { properties = new { level = "ReadOnly" } });
        var patch = await emu.Patch(StoragePath(), new { tags = new { } });
        Assert.Equal(409, patch.Status);
        Assert.Equal("ScopeLocked", patch.ErrorCode);
        Assert.Equal(200, (await emu.Get(StoragePath())).Status);
        Assert.Equal(201, (await emu.Put(StoragePath("stother"), new { location = "eastus" })).Status);
        Assert.Equal(2, emu.Emulator.State.Read(s => s.Locks.Count));

        // Lock writes themselves are never blocked by locks.
        Assert.Equal(200, (await emu.Delete($"{rgScope}/providers/Microsoft.Authorization/locks/no-delete?{LocksVersion}")).Status);
        Assert.Equal(404, (await emu.Get($"{rgScope}/providers/Microsoft.Authorization/locks/no-delete?{LocksVersion}")).Status);
        Assert.Equal(204, (await emu.Delete($"{rgScope}/providers/Microsoft.Authorization/locks/no-delete?{LocksVersion}")).Status);
    }

    [Fact]
    public async Task Put_RefusesAnUnknownLevel_AndAtScopeListsOnlyLocksAtOrAbove()
    {
        await using var emu = await TestEmulator.StartAsync();
        await PutResourceGroup(emu, "rg-lock");
        var rgScope = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-lock";
        var bad = await emu.Put($"{rgScope}/providers/Microsoft.Authorization/locks/x?{LocksVersion}", new { properties = new { level = "Frozen" } });
        Assert.Equal(400, bad.Status);
        Assert.Equal("properties.level", Json.Str(bad.Body, "error.target"));

        await emu.Put($"{rgScope}/providers/Microsoft.Authorization/locks/below?{LocksVersion}", new { properties = new { level = "ReadOnly" } });
        await emu.Put($"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/locks/above?{LocksVersion}",
            new { properties = new { level = "CanNotDelete" } });
        var all = await emu.Get($"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/locks?{LocksVersion}");
        var atScope = await emu.Get($"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/locks?{LocksVersion}&$filter=atScope()");

        Assert.Equal(["above", "below"], all.Body!["value"]!.AsArray().Select(l => Json.Str(l, "name")!).Order());
        Assert.Equal(["above"], atScope.Body!["value"]!.AsArray().Select(l => Json.Str(l, "name")));
    }

    [Fact]
    public async Task OnAWorkspace_CanNotDeleteBlocksItsDeleteAndFailsProvisioning_ReadOnlyBlocksEveryWrite()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.CreateWorkspace("rg-lock", "ws-lock");
        var rgScope = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-lock";
        var ws = Wire.WsPath("rg-lock", "ws-lock");
        Assert.Equal(201, (await emu.Put($"{rgScope}/providers/Microsoft.Authorization/locks/no-delete?{LocksVersion}",
            new { properties = new { level = "CanNotDelete" } })).Status);
        var atWs = await emu.Get($"{ws}/providers/Microsoft.Authorization/locks?{LocksVersion}");
        Assert.Equal([$"{rgScope}/providers/Microsoft.Authorization/locks/no-delete"],
            atWs.Body!["value"]!.AsArray().Select(l => Json.Str(l, "id")));

        Assert.Equal(200, (await emu.Patch($"{ws}?{Wire.Ml}", new { tags = new { a = "b" } })).Status);
        var del = await emu.Delete($"{ws}?{Wire.Ml}");
        Assert.Equal(409, del.Status);
        Assert.Equal("ScopeLocked", del.ErrorCode);

        // A lock makes managed network provisioning fail (the service's internal operations are blocked).
        await emu.PatchMode("rg-lock", "ws-lock", "AllowInternetOutbound");
        var prov = await emu.Provision("rg-lock", "ws-lock");
        Assert.Equal(202, prov.Status);
        emu.Advance(TimeSpan.FromMinutes(30));
        var poll = prov.Header("Azure-AsyncOperation") ?? prov.RequiredHeader("Location");
        var status = await emu.Get(poll);
        Assert.Equal("ScopeLocked", Json.Str(status.Body, "error.code"));

        await emu.Put($"{ws}/providers/Microsoft.Authorization/locks/ro?{LocksVersion}", new { properties = new { level = "ReadOnly" } });
        Assert.Equal("ScopeLocked", (await emu.Patch($"{ws}?{Wire.Ml}", new { tags = new { } })).ErrorCode);
        Assert.Equal("ScopeLocked", (await emu.Provision("rg-lock", "ws-lock")).ErrorCode);
        Assert.Equal(200, (await emu.Get($"{ws}?{Wire.Ml}")).Status);
        Assert.Equal(2, emu.Emulator.State.Read(s => s.Locks.Count));
    }
}
