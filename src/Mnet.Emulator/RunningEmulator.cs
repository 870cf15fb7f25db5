using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Mnet.Emulator.Faults;
using Mnet.Emulator.Recording;
using Mnet.Emulator.State;
using Mnet.Emulator.Time;
using Mnet.Emulator.Tls;

namespace Mnet.Emulator;

/// <summary>A started emulator. Dispose it to stop listening.</summary>
public sealed class RunningEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EmulatorCertificates certificates;
    private int disposed;

    internal RunningEmulator(WebApplication app, Uri url, EmulatorCertificates certificates, EmulatorState state,
        FaultInjector faults, RequestRecorder requests)
    {
        this.app = app;
        this.certificates = certificates;
        Url = url;
        State = state;
        Faults = faults;
        Requests = requests;
    }

    /// <summary>https://127.0.0.1:PORT (no trailing slash in <c>ToString()</c> of <see cref="BaseUrl"/>).</summary>
    public Uri Url { get; }

    public string BaseUrl => Url.GetLeftPart(UriPartial.Authority);

    public int Port => Url.Port;

    /// <summary>The CA clients trust (PEM); the server certificate chains to it.</summary>
    public string CaCertificatePem => certificates.CaPem;

    public X509Certificate2 CaCertificate => certificates.Ca;

    public EmulatorState State { get; }

    public FaultInjector Faults { get; }

    public EmulatorClock Clock => State.Clock;

    public RequestRecorder Requests { get; }

    /// <summary>An HttpClient on <see cref="Url"/> that trusts only this emulator's CA.</summary>
    public HttpClient CreateHttpClient() =>
        new(EmulatorTrust.CreateHandler(certificates.Ca)) { BaseAddress = Url };

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        certificates.Server.Dispose();
        certificates.Ca.Dispose();
    }
}
