using System.Net;
using System.Net.Sockets;
using Mnet.Emulator.Tests.Support;
using Mnet.Emulator.Tls;

namespace Mnet.Emulator.Tests;

public sealed class EmulatorCommandTests
{
    [Fact]
    public async Task RunAsync_prints_the_two_ready_lines_writes_the_CA_and_runs_on_a_scaled_clock()
    {
        var dir = Directory.CreateTempSubdirectory("emu-cli-").FullName;
        try
        {
            using var cts = new CancellationTokenSource();
            var output = new LineWriter();
            var run = EmulatorCommand.RunAsync(0, "demo", 600, dir, output, cts.Token);
            var lines = await output.WaitForLines(2);
            Assert.Matches(@"^emulator ready https://127\.0\.0\.1:\d+$", lines[0]);
            Assert.Equal($"ca certificate: {Path.Combine(dir, EmulatorCommand.CaFileName)}", lines[1]);
            var pem = await File.ReadAllTextAsync(Path.Combine(dir, EmulatorCommand.CaFileName));
            Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(dir, ".*")));
            using var ca = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem);
            using var http = new HttpClient(EmulatorTrust.CreateHandler(ca)) { BaseAddress = new Uri(lines[0]["emulator ready ".Length..]) };
            http.DefaultRequestHeaders.Add("Authorization", "Bearer x");
            var list = await http.GetAsync($"/subscriptions/{Wire.Sub}/providers/Microsoft.MachineLearningServices/workspaces?{Wire.Ml}");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            // The scaled clock runs 600x: a real second moves it ten minutes.
            var t0 = await ClockNow(http);
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            Assert.True(await ClockNow(http) - t0 >= 100_000);
            // The admin clock route advances a scaled clock too.
            var before = await ClockNow(http);
            await http.PostAsync("/_emulator/clock", new StringContent("""{"advanceMs":3600000}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(await ClockNow(http) - before >= 3_600_000);
            await cts.CancelAsync();
            Assert.Equal(0, await run);
            Assert.True(File.Exists(Path.Combine(dir, EmulatorCommand.CaFileName)), "a caller-provided certDir is left alone");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_returns_2_when_the_port_is_taken_and_writes_no_certificate()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var dir = Path.Combine(Path.GetTempPath(), $"emu-cli-{Guid.NewGuid():N}");
        var output = new LineWriter();
        Assert.Equal(2, await EmulatorCommand.RunAsync(port, "empty", 600, dir, output, CancellationToken.None));
        Assert.Contains($"port {port} is already in use", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, EmulatorCommand.CaFileName)));
    }

    [Fact]
    public async Task Without_a_cert_dir_the_CA_goes_to_a_temp_dir_that_is_removed_on_stop()
    {
        using var cts = new CancellationTokenSource();
        var output = new LineWriter();
        var run = EmulatorCommand.RunAsync(0, "empty", 600, null, output, cts.Token);
        var lines = await output.WaitForLines(2);
        var path = lines[1]["ca certificate: ".Length..];
        Assert.Contains("BEGIN CERTIFICATE", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        await cts.CancelAsync();
        Assert.Equal(0, await run);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task RunAsync_returns_2_for_an_unknown_scenario()
    {
        var output = new LineWriter();
        Assert.Equal(2, await EmulatorCommand.RunAsync(0, "galaxy", 600, null, output, CancellationToken.None));
        Assert.Contains("unknown scenario 'galaxy'", output.ToString(), StringComparison.Ordinal);
    }

    private static async Task<long> ClockNow(HttpClient http)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/_emulator/clock"))!;
        return body["now"]!.GetValue<long>();
    }
}
