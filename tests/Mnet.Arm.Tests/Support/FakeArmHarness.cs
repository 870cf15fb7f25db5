using System.Collections.Concurrent;
using Mnet.Arm.Http;

namespace Mnet.Arm.Tests.Support;

/// <summary>
/// A fake ARM server plus an <see cref="ArmClient"/> pointed at it the production way (endpoint, trusted CA, bearer
/// token policy) on a stepping clock. The ceiling on ALL requests is off (as the TS harness): the clock only moves
/// when the client waits, so with it on every request would wait the pacing spacing and tests asserting exact retry
/// and polling delays would see budget waits mixed in. Tests of the budget set it.
/// </summary>
internal sealed class FakeArmHarness : IAsyncDisposable
{
    public const string Sub = "00000000-0000-0000-0000-000000000001";
    public const string Ws =
        $"/subscriptions/{Sub}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1";

    private readonly ConcurrentQueue<ArmRequestInfo> _attempts = new();

    private FakeArmHarness(FakeArm fake, SteppingTimeProvider time, CountingCredential credential)
    {
        Fake = fake;
        Time = time;
        Credential = credential;
    }

    public FakeArm Fake { get; }
    public ArmClient Client { get; private set; } = null!;
    public SteppingTimeProvider Time { get; }
    public CountingCredential Credential { get; }
    public IReadOnlyList<ArmRequestInfo> Attempts => _attempts.ToArray();
    public IReadOnlyList<FakeRequest> Requests => Fake.Requests;

    public static async Task<FakeArmHarness> StartAsync(
        Func<FakeRequest, FakeArm, FakeResponse> handler,
        Func<ArmClientOptions, ArmClientOptions>? configure = null,
        SteppingTimeProvider? time = null)
    {
        var fake = await FakeArm.StartAsync(handler);
        var harness = new FakeArmHarness(fake, time ?? new SteppingTimeProvider(), new CountingCredential());
        var options = new ArmClientOptions
        {
            Endpoint = new Uri(fake.Url),
            Credential = harness.Credential,
            CaCertificatePem = fake.CaCertificatePem,
            TimeProvider = harness.Time,
            Random = () => 0.5,
            OnRequest = harness._attempts.Enqueue,
            RequestsPerSecond = 0,
        };
        harness.Client = new ArmClient(configure is null ? options : configure(options));
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Fake.DisposeAsync();
    }
}
