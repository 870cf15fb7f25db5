using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Mnet.Arm.Http;
using Mnet.Arm.Models;
using Mnet.Core.Resources;
using Mnet.Emulator;
using Mnet.Emulator.Scenarios;

namespace Mnet.Arm.Tests.Support;

/// <summary>
/// Port of tests/arm/harness.ts: the local emulator on a virtual clock and an <see cref="ArmClient"/> pointed at it the
/// production way (endpoint, trusted CA, bearer token policy). Both share one <see cref="SteppingTimeProvider"/>: every
/// delay the client waits moves the emulator's clock by as much, so long-running operations progress without waiting.
/// The ceiling on ALL requests is off by default (see <see cref="FakeArmHarness"/>); budget tests set it.
/// </summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string Sub = EmptyScenario.SubscriptionId;
    public const string Rg = "rg-client";
    public const string WsId =
        $"/subscriptions/{Sub}/resourceGroups/{Rg}/providers/Microsoft.MachineLearningServices/workspaces/ws1";

    private readonly ConcurrentQueue<ArmRequestInfo> _attempts = new();

    private EmulatorHarness(RunningEmulator emulator, SteppingTimeProvider time, CountingCredential credential)
    {
        Emu = emulator;
        Time = time;
        Credential = credential;
    }

    public RunningEmulator Emu { get; }
    public ArmClient Client { get; private set; } = null!;
    public SteppingTimeProvider Time { get; }
    public CountingCredential Credential { get; }
    public IReadOnlyList<ArmRequestInfo> Attempts => _attempts.ToArray();

    public static async Task<EmulatorHarness> StartAsync(
        string scenario = "empty",
        Func<ArmClientOptions, ArmClientOptions>? client = null,
        Func<EmulatorOptions, EmulatorOptions>? emulator = null)
    {
        var time = new SteppingTimeProvider(Mnet.Emulator.Time.EmulatorClock.DefaultVirtualStart);
        var emulatorOptions = new EmulatorOptions { Scenario = scenario, TimeProvider = time, RetryAfterSeconds = 5 };
        var emu = await EmulatorHost.StartAsync(emulator is null ? emulatorOptions : emulator(emulatorOptions));
        var harness = new EmulatorHarness(emu, time, new CountingCredential("local-emulator-token"));
        var options = new ArmClientOptions
        {
            Endpoint = emu.Url,
            Credential = harness.Credential,
            CaCertificatePem = emu.CaCertificatePem,
            TimeProvider = time,
            Random = () => 0.5,
            OnRequest = harness._attempts.Enqueue,
            RequestsPerSecond = 0,
        };
        harness.Client = new ArmClient(client is null ? options : client(options));
        return harness;
    }

    /// <summary>Creates the resource group and a workspace through the client (the empty scenario has none).</summary>
    public async Task SeedWorkspaceAsync(ManagedNetworkSettings? managedNetwork = null)
    {
        await Client.CreateResourceGroupAsync(Sub, Rg, "westeurope");
        await Client.CreateWorkspaceAndWaitAsync(WsId, new WorkspaceCreateBody
        {
            Location = "westeurope",
            Tags = new Dictionary<string, string> { ["team"] = "research" },
            Properties = new WorkspaceProperties
            {
                FriendlyName = "Workspace one",
                Description = "seeded by the client tests",
                ManagedNetwork = managedNetwork,
            },
        });
    }

    /// <summary>The sequence number of the last recorded request (0 for none).</summary>
    public long LastSeq => Emu.Requests.List().LastOrDefault()?.Seq ?? 0;

    public IReadOnlyList<Mnet.Emulator.Recording.RecordedRequest> Since(long seq) =>
        Emu.Requests.List().Where(r => r.Seq > seq).ToArray();

    /// <summary>A request sent around the client (as a person or another tool would), with another bearer token.</summary>
    public async Task<(int Status, JsonNode? Body)> RawArmRequestAsync(string method, string pathAndQuery, JsonNode? body = null)
    {
        using var http = Emu.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "someone-else");
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emu.DisposeAsync();
    }
}
