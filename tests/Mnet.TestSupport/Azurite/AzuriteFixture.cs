using System.Diagnostics;
using System.Globalization;
using Mnet.TestSupport.Network;
using Mnet.TestSupport.Processes;
using Xunit;

namespace Mnet.TestSupport.Azurite;

/// <summary>
/// A private Azurite (Blob, Queue, Table) on free loopback ports with its data in a fresh temporary folder, for
/// one test class or collection. Installs Azurite on first use (<see cref="AzuriteInstaller"/>); on dispose kills its
/// whole process group and deletes the folder. Use it as an xunit class or collection fixture, or start one with
/// <see cref="StartAsync"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IAsyncDisposable
{
    // Azurite's single built-in account: a published development key, not a secret.
    const string AccountName = "devstoreaccount1";
    const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(30);

    ProcessGroup? process;
    string? location;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    /// <summary>The temporary folder Azurite keeps its data in (deleted on dispose).</summary>
    public string DataFolder => location ?? throw new InvalidOperationException("Azurite is not started");

    /// <summary>The group id of the running Azurite (its guard shell's process id).</summary>
    public int ProcessGroupId => Running.Id;

    /// <summary>The connection string for this Azurite's three services.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};");

    /// <summary>How long the last start took, install included, until all three services listened.</summary>
    public TimeSpan StartupTime { get; private set; }

    ProcessGroup Running => process ?? throw new InvalidOperationException("Azurite is not started");

    public static async Task<AzuriteFixture> StartAsync(CancellationToken cancellationToken = default)
    {
        var fixture = new AzuriteFixture();
        try
        {
            await fixture.StartCoreAsync(cancellationToken);
            return fixture;
        }
        catch
        {
            await fixture.DisposeAsync();
            throw;
        }
    }

    Task IAsyncLifetime.InitializeAsync() => StartCoreAsync(CancellationToken.None);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }

        if (location is not null && Directory.Exists(location))
        {
            Directory.Delete(location, recursive: true);
            location = null;
        }
    }

    async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string entryScript = await AzuriteInstaller.EnsureInstalledAsync(cancellationToken);
        location = Directory.CreateTempSubdirectory("mnet-azurite-").FullName;

        // The ports are free when chosen but not reserved: if one is taken before Azurite binds it, pick again.
        for (int attempt = 1; ; attempt++)
        {
            IReadOnlyList<int> ports = FreePorts.Take(3);
            (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
            process = ProcessGroup.Start("node", [entryScript, .. Arguments(location)], workingDirectory: location);
            try
            {
                await WaitUntilListeningAsync(process, cancellationToken);
                StartupTime = clock.Elapsed;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await process.DisposeAsync();
                process = null;
            }
        }
    }

    IEnumerable<string> Arguments(string dataFolder) =>
    [
        "--silent", "--skipApiVersionCheck", "--loose", "--location", dataFolder,
        "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
        "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
        "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
    ];

    async Task WaitUntilListeningAsync(ProcessGroup azurite, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await FreePorts.IsListeningAsync(BlobPort, cancellationToken)
                && await FreePorts.IsListeningAsync(QueuePort, cancellationToken)
                && await FreePorts.IsListeningAsync(TablePort, cancellationToken))
            {
                return;
            }

            if (azurite.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited before listening:\n{string.Join('\n', azurite.Output.TakeLast(20))}");
            }

            if (clock.Elapsed > ListenTimeout)
            {
                throw new TimeoutException(
                    $"Azurite did not listen on {BlobPort}/{QueuePort}/{TablePort} within {ListenTimeout}:\n" +
                    string.Join('\n', azurite.Output.TakeLast(20)));
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
