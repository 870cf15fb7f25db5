using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Emulator;
using Mnet.Emulator.Time;
using Mnet.Local.Serving;

namespace Mnet.Functions.Tests.Support;

/// <summary>
/// <c>mnet serve</c> in process against the emulator's demo scenario (600x clock): the HTTP API through an in-memory
/// test server, or over a real socket on 127.0.0.1.
/// </summary>
internal sealed class ServeRig : IAsyncDisposable
{
    public const string Sub = "00000000-0000-0000-0000-000000000001";
    public const string WsInternet = $"/subscriptions/{Sub}/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-internet";
    public const double Scale = 600;

    /// <summary>The TS local loop's policy: approved outbound only for rg-ml-prod.</summary>
    const string TightenPolicy = $"""
        name: tighten
        scope:
          subscriptions: [{Sub}]
          resource_groups: [rg-ml-prod]
        managed_network:
          isolation_mode: allow_only_approved_outbound
        """;

    readonly string folder;

    ServeRig(RunningEmulator emulator, LocalServer server, HttpClient http, string folder)
    {
        Emulator = emulator;
        Server = server;
        Http = http;
        this.folder = folder;
    }

    public RunningEmulator Emulator { get; }
    public LocalServer Server { get; }
    public HttpClient Http { get; }
    public DurableTaskClient Client => Server.Client;

    public static async Task<ServeRig> StartAsync(bool realSocket = false, Func<ServeOptions, ServeOptions>? change = null)
    {
        string folder = Directory.CreateTempSubdirectory("mnet-serve-").FullName;
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Scenario = "demo", TimeProvider = new ScaledTimeProvider(Scale) });
        try
        {
            string ca = Path.Combine(folder, "emulator-ca.pem");
            await File.WriteAllTextAsync(ca, emulator.CaCertificatePem);
            string policy = Path.Combine(folder, "policies", "tighten.yaml");
            Directory.CreateDirectory(Path.GetDirectoryName(policy)!);
            await File.WriteAllTextAsync(policy, TightenPolicy);
            var options = new ServeOptions
            {
                PolicyPath = policy,
                Port = 0,
                ArmEndpoint = emulator.Url,
                CaFile = ca,
                TimeScale = Scale,
                DocumentsFolder = Path.Combine(folder, "documents"),
                DriftSchedule = null,
                ConfigureWeb = realSocket ? null : web => web.WebHost.UseTestServer(),
            };
            options = change?.Invoke(options) ?? options;
            var server = await LocalServer.StartAsync(options);
            var http = realSocket
                ? new HttpClient { BaseAddress = server.Address }
                : ((TestServer)server.Services.GetRequiredService<IServer>()).CreateClient();
            http.Timeout = TimeSpan.FromSeconds(60);
            return new ServeRig(emulator, server, http, folder);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    public async Task<(int Status, JsonObject Body)> PostAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body);
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    public async Task<(int Status, JsonObject Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Polls GET /requests/{id} until <paramref name="done"/> holds (90 s at most).</summary>
    public async Task<JsonObject> WaitForAsync(string id, Func<JsonObject, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonObject last = [];
        while (DateTime.UtcNow < deadline)
        {
            (_, last) = await GetAsync($"/api/v1/requests/{id}");
            if (done(last)) return last;
            await Task.Delay(250);
        }

        throw new TimeoutException($"{id}: not {what} after 90 s: {last.ToJsonString()}");
    }

    /// <summary>The workspace as ARM (the emulator) has it now.</summary>
    public async Task<JsonObject> WorkspaceAsync(string id)
    {
        using var client = Emulator.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Mnet.Arm.Credentials.StaticTokenCredential.DefaultToken);
        return (await client.GetFromJsonAsync<JsonObject>(new Uri(Emulator.Url, $"{id}?api-version=2025-09-01")))!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }
}
