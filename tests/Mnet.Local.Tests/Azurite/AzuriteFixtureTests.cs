using System.Globalization;
using Azure.Storage.Blobs;
using Mnet.TestSupport.Azurite;
using Mnet.TestSupport.Network;

namespace Mnet.Local.Tests.Azurite;

public sealed class AzuriteFixtureTests
{
    [Fact]
    public async Task Fixture_ServesItsConnectionString_AndLeavesNoProcessNorDataBehind()
    {
        AzuriteFixture azurite = await AzuriteFixture.StartAsync();
        int[] ports = [azurite.BlobPort, azurite.QueuePort, azurite.TablePort];
        int group = azurite.ProcessGroupId;
        string data = azurite.DataFolder;

        var blobs = new BlobServiceClient(azurite.ConnectionString);
        await blobs.GetBlobContainerClient("probe").CreateIfNotExistsAsync();
        Assert.Contains(blobs.GetBlobContainers(), c => c.Name == "probe");
        Assert.Equal(3, ports.Distinct().Count());

        await azurite.DisposeAsync();

        foreach (int port in ports)
        {
            Assert.False(await FreePorts.IsListeningAsync(port), $"port {port} still listening");
        }

        Assert.Empty(LiveProcessesInGroup(group));
        Assert.False(Directory.Exists(data), $"{data} left behind");
    }

    /// <summary>
    /// Every live process in group <paramref name="group"/> (from /proc/*/stat). Zombies do not count: they are dead
    /// and wait only for init to reap them.
    /// </summary>
    static List<string> LiveProcessesInGroup(int group) =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => Path.Combine(dir, "stat"))
            .Select(TryRead)
            .OfType<string>()
            .Where(stat => Field(stat, 2) == group.ToString(CultureInfo.InvariantCulture) && Field(stat, 0) != "Z")
            .ToList();

    static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null; // not a process, or gone meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so fields are counted after its ')':
    // 0 = state, 2 = process group.
    static string Field(string stat, int index)
    {
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > index ? fields[index] : string.Empty;
    }
}
