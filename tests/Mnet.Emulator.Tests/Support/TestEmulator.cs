using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Mnet.Emulator.Tests.Support;

/// <summary>
/// An emulator on a FakeTimeProvider with a raw HTTPS client (HttpClient trusting only the generated CA, no SDK):
/// the conformance tests speak the wire protocol.
/// </summary>
public sealed class TestEmulator : IAsyncDisposable
{
    private readonly HttpClient http;

    private TestEmulator(RunningEmulator emulator, FakeTimeProvider time)
    {
        Emulator = emulator;
        Time = time;
        http = emulator.CreateHttpClient();
    }

    public RunningEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public LroDurations Durations => Emulator.State.Options.Durations;

    public static async Task<TestEmulator> StartAsync(EmulatorOptions? options = null)
    {
        var time = new FakeTimeProvider(Mnet.Emulator.Time.EmulatorClock.DefaultVirtualStart);
        var emu = await EmulatorHost.StartAsync((options ?? new EmulatorOptions()) with { TimeProvider = time });
        return new TestEmulator(emu, time);
    }

    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary><paramref name="path"/> is a path with query, or an absolute https URL (poll links).</summary>
    public async Task<RawResponse> Call(string method, string path, object? body = null, bool auth = true,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method),
            path.StartsWith("https://", StringComparison.Ordinal) ? new Uri(path) : new Uri(Emulator.Url, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (auth)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer test-token");
        }

        foreach (var (k, v) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Remove(k);
            request.Headers.TryAddWithoutValidation(k, v);
        }

        if (body is not null)
        {
            var text = body switch
            {
                string s => s,
                JsonNode n => n.ToJsonString(),
                _ => System.Text.Json.JsonSerializer.Serialize(body),
            };
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return new RawResponse((int)response.StatusCode, response.Headers, response.Content.Headers,
            raw.Length > 0 ? JsonNode.Parse(raw) : null, raw);
    }

    public Task<RawResponse> Get(string path) => Call("GET", path);

    public Task<RawResponse> Put(string path, object body) => Call("PUT", path, body);

    public Task<RawResponse> Patch(string path, object body) => Call("PATCH", path, body);

    public Task<RawResponse> Delete(string path) => Call("DELETE", path);

    public Task<RawResponse> Post(string path, object? body = null) => Call("POST", path, body);

    /// <summary>Adds a resource group through the state (the HTTP route belongs to the resource-manager area).</summary>
    public void EnsureResourceGroup(string rg, string sub = Wire.Sub, string location = "eastus") =>
        Emulator.State.Write(s =>
        {
            if (s.ResourceGroup(sub, rg) is null)
            {
                s.AddResourceGroup(sub, rg, location);
            }
        });

    /// <summary>Stores a dependency resource (storage, key vault, ...) with a publicNetworkAccess; returns its id.</summary>
    public string PutDependency(string rg, string type, string name, string publicNetworkAccess = "Enabled", string sub = Wire.Sub)
    {
        EnsureResourceGroup(rg, sub);
        var id = $"/subscriptions/{sub}/resourceGroups/{rg}/providers/{type}/{name}";
        Emulator.State.Write(s => s.PutResource(new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["type"] = type,
            ["location"] = "eastus",
            ["properties"] = new JsonObject { ["publicNetworkAccess"] = publicNetworkAccess },
        }));
        return id;
    }

    /// <summary>PUT a workspace (resource group created first), advance past the create LRO, GET it.</summary>
    public async Task<JsonNode> CreateWorkspace(string rg, string name, string kind = "Default", JsonObject? properties = null,
        JsonObject? identity = null, string sub = Wire.Sub, string location = "eastus")
    {
        EnsureResourceGroup(rg, sub, location);
        var put = await Put($"{Wire.WsPath(rg, name, sub)}?{Wire.Ml}", new JsonObject
        {
            ["location"] = location,
            ["kind"] = kind,
            ["identity"] = identity ?? new JsonObject { ["type"] = "SystemAssigned" },
            ["properties"] = properties ?? new JsonObject(),
        });
        Assert.True(put.Status == 202, put.Text);
        Advance(Durations.WorkspaceCreate);
        var get = await Get($"{Wire.WsPath(rg, name, sub)}?{Wire.Ml}");
        Assert.True(get.Status == 200, get.Text);
        Assert.Equal("Succeeded", Json.Str(get.Body, "properties.provisioningState"));
        return get.Body!;
    }

    public Task<JsonNode> CreateWorkspace(string rg, string name, string isolationMode) =>
        CreateWorkspace(rg, name, properties: new JsonObject { ["managedNetwork"] = new JsonObject { ["isolationMode"] = isolationMode } });

    public Task<RawResponse> PatchMode(string rg, string name, string isolationMode) =>
        Patch($"{Wire.WsPath(rg, name)}?{Wire.Ml}", new JsonObject
        {
            ["properties"] = new JsonObject { ["managedNetwork"] = new JsonObject { ["isolationMode"] = isolationMode } },
        });

    /// <summary>PUT an outbound rule and settle its LRO (duration RuleWrite).</summary>
    public async Task<RawResponse> PutRule(string rg, string ws, string rule, string propertiesJson)
    {
        var res = await Put($"{Wire.WsPath(rg, ws)}/outboundRules/{rule}?{Wire.Ml}", new JsonObject { ["properties"] = JsonNode.Parse(propertiesJson) });
        if (res.Status == 202)
        {
            Advance(Durations.RuleWrite);
        }

        return res;
    }

    public Task<RawResponse> Provision(string rg, string ws, bool includeSpark = false) =>
        Post($"{Wire.WsPath(rg, ws)}/provisionManagedNetwork?{Wire.Ml}", new JsonObject { ["includeSpark"] = includeSpark });

    public async Task<JsonNode> GetWorkspace(string rg, string ws) => (await Get($"{Wire.WsPath(rg, ws)}?{Wire.Ml}")).Body!;

    public static string? RuleStatus(JsonNode? ws, string rule) => Json.Str(ws, $"properties.managedNetwork.outboundRules.{rule}.status");

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Emulator.DisposeAsync();
    }
}
