using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Mnet.Emulator.Tls;

namespace Mnet.Cli.Runtime;

/// <summary>
/// The emulator's admin clock route (<c>/_emulator/clock</c>) over HTTPS, trusting the emulator's CA: how the CLI
/// proves the emulator is there and makes emulated time pass instead of waiting. Never used against Azure.
/// </summary>
public sealed class EmulatorAdmin : IDisposable
{
    private readonly HttpClient http;
    private readonly X509Certificate2? ca;

    public EmulatorAdmin(ArmTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.CaPem is { } pem)
        {
            ca = X509Certificate2.CreateFromPem(pem);
            http = new HttpClient(EmulatorTrust.CreateHandler(ca)) { BaseAddress = target.Endpoint, Timeout = TimeSpan.FromSeconds(30) };
        }
        else
        {
            http = new HttpClient { BaseAddress = target.Endpoint, Timeout = TimeSpan.FromSeconds(30) };
        }
    }

    /// <summary>The emulator's "now".</summary>
    /// <exception cref="HttpRequestException">Not reachable, not trusted, or no admin clock there.</exception>
    public async Task<DateTimeOffset> NowAsync(CancellationToken cancellation)
    {
        using var response = await http.GetAsync(new Uri("/_emulator/clock", UriKind.Relative), cancellation);
        return await ReadNowAsync(response, cancellation);
    }

    /// <summary>Moves the emulator's clock forward; returns its new "now".</summary>
    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by, CancellationToken cancellation)
    {
        var ms = Math.Max(0, Math.Ceiling(by.TotalMilliseconds));
        using var response = await http.PostAsJsonAsync(new Uri("/_emulator/clock", UriKind.Relative), new { advanceMs = ms }, cancellation);
        return await ReadNowAsync(response, cancellation);
    }

    private static async Task<DateTimeOffset> ReadNowAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"the emulator's clock route answered {(int)response.StatusCode}: {text[..Math.Min(200, text.Length)]}",
                null, response.StatusCode);
        }

        try
        {
            var now = JsonNode.Parse(text)?["now"]?.GetValue<double>();
            return now is { } ms
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms)
                : throw new HttpRequestException("the emulator's clock route answered without \"now\"");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            throw new HttpRequestException(
                string.Create(CultureInfo.InvariantCulture, $"the emulator's clock route answered something that is not its clock: {e.Message}"), e);
        }
    }

    public void Dispose()
    {
        http.Dispose();
        ca?.Dispose();
    }
}
