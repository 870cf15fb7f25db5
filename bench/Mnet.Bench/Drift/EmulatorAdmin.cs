using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Mnet.Emulator.Tls;

namespace Mnet.Bench.Drift;

/// <summary>The emulator's admin routes: its own count of the ARM requests it received.</summary>
public sealed class EmulatorAdmin(Uri url, string caPath) : IDisposable
{
    readonly X509Certificate2 ca = X509Certificate2.CreateFromPem(File.ReadAllText(caPath));
    HttpClient? http;

    HttpClient Http => http ??= new HttpClient(EmulatorTrust.CreateHandler(ca)) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };

    public async Task ClearRequestsAsync()
    {
        using var response = await Http.DeleteAsync(new Uri("/_emulator/requests", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    public async Task<int> CountRequestsAsync()
    {
        string json = await Http.GetStringAsync(new Uri("/_emulator/requests", UriKind.Relative));
        return JsonNode.Parse(json)?["value"]?.AsArray().Count ?? 0;
    }

    public void Dispose()
    {
        http?.Dispose();
        ca.Dispose();
    }
}
