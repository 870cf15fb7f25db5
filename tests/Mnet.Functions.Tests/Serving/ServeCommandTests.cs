using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Mnet.Emulator;
using Mnet.Emulator.Time;
using Mnet.Functions.Tests.Support;

namespace Mnet.Functions.Tests.Serving;

/// <summary><c>mnet serve</c> as a user runs it: a real process, its "listening" line, curl-like calls, SIGTERM.</summary>
public sealed partial class ServeCommandTests
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [Fact]
    public async Task Serve_prints_its_address_answers_and_stops_cleanly_on_sigterm()
    {
        string folder = Directory.CreateTempSubdirectory("mnet-serve-cli-").FullName;
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Scenario = "demo", TimeProvider = new ScaledTimeProvider(600) });
        string ca = Path.Combine(folder, "ca.pem");
        await File.WriteAllTextAsync(ca, emulator.CaCertificatePem);
        string policy = Mnet.TestSupport.Repository.RepositoryRoot.Combine("examples", "demo-policy.yaml");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (string a in (string[])[Path.Combine(AppContext.BaseDirectory, "mnet.dll"), "serve", "--policy", policy,
                     "--port", "0", "--endpoint", emulator.Url.ToString(), "--ca", ca, "--time-scale", "600"])
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.NotNull(line);
            Assert.Matches(@"^mnet serve listening on http://127\.0\.0\.1:\d+$", line);
            var address = new Uri(line["mnet serve listening on ".Length..]);

            using var http = new HttpClient { BaseAddress = address };
            using var response = await http.PostAsJsonAsync("/api/v1/requests", new
            {
                workspaceId = ServeRig.WsInternet, ticketId = "INC-CLI-1", requestedBy = "alice@contoso.com",
            });
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.True((int)response.StatusCode == 202, body?.ToJsonString());

            Assert.Equal(0, Kill(process.Id, 15));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("serve: stopped", await stderr);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            Directory.Delete(folder, recursive: true);
        }
    }
}
