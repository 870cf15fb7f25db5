using System.Diagnostics;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Arm.Models;
using Mnet.Bench.Lib;
using Mnet.Bench.Migration;
using Mnet.Emulator;
using Mnet.Emulator.Faults;
using Mnet.Emulator.Scenarios;
using Mnet.Service.Configuration;

namespace Mnet.Bench.Etiquette;

/// <summary>
/// ARM etiquette on the REAL clock (TS bench/etiquette/section.ts, plus instances): N simulated instances of the app,
/// each with its own ARM client at its share of the app's budget (ArmBudget), two subscriptions, concurrent tasks
/// (create a resource group: GET then PUT; GET it; PUT a role assignment), seeded 429s on writes and 503s / resets
/// on reads. Measures what the emulator saw arrive in any 1-s window per subscription, and retries against faults.
/// </summary>
public static class EtiquetteSection
{
    const int SubscriptionCount = 2;
    const int MaxRetries = ArmClientOptions.DefaultMaxRetries;
    const string ReaderRole = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

    public static async Task<EtiquetteResult> RunAsync(int instances, double requestsPerSecond, double writesPerSecond, int tasksPerSubscription,
        Action<string> log)
    {
        var problems = ArmBudget.Check(instances, requestsPerSecond, writesPerSecond).Select(p => p.ToString() ?? "").ToList();
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Scenario = "scale:0", TimeProvider = TimeProvider.System, Seed = 7 });
        emulator.Faults.Add(new FaultSpec(new StatusFault(429, "TooManyRequests", RetryAfterSeconds: 1), Path: "/resourceGroups/", Method: "PUT", Probability: 0.2));
        emulator.Faults.Add(new FaultSpec(new StatusFault(503, "ServiceUnavailable"), Path: "/resourceGroups/", Method: "GET", Probability: 0.05));
        emulator.Faults.Add(new FaultSpec(new ResetFault(), Path: "/resourceGroups/", Method: "GET", Probability: 0.05));
        int retries = 0;
        var clients = Enumerable.Range(0, instances).Select(_ => new ArmClient(new ArmClientOptions
        {
            Endpoint = emulator.Url,
            Credential = new StaticTokenCredential(),
            CaCertificatePem = emulator.CaCertificatePem,
            RequestsPerSecond = requestsPerSecond,
            WritesPerSecond = writesPerSecond,
            MaxRetries = MaxRetries,
            BaseRetryDelay = TimeSpan.FromMilliseconds(200),
            OnRequest = info =>
            {
                if (info.Attempt > 0) Interlocked.Increment(ref retries);
            },
        })).ToList();
        log($"etiquette: {instances} instance(s) at {requestsPerSecond} requests/s and {writesPerSecond} writes/s each, " +
            $"{SubscriptionCount} subscriptions x {tasksPerSubscription} tasks, real clock...");
        int logical = 0;
        int failed = 0;
        async Task Call(Func<Task> call)
        {
            Interlocked.Increment(ref logical);
            try
            {
                await call();
            }
            catch (Exception e) when (e is Arm.Errors.ArmException or HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failed);
            }
        }

        var wall = Stopwatch.StartNew();
        var tasks = new List<Task>();
        for (int s = 0; s < SubscriptionCount; s++)
        {
            string sub = ScaleScenario.SubscriptionId(s);
            for (int i = 0; i < tasksPerSubscription; i++)
            {
                var arm = clients[i % instances];
                string rg = $"rg-burst-{i}";
                string principal = $"00000000-0000-4000-8000-{i:D12}";
                tasks.Add(Task.Run(async () =>
                {
                    await Call(() => arm.CreateResourceGroupAsync(sub, rg, "westeurope"));
                    await Call(() => arm.GetResourceGroupAsync(sub, rg));
                    await Call(() => arm.PutRoleAssignmentAsync(new RoleAssignmentInput
                    {
                        Scope = $"/subscriptions/{sub}/resourceGroups/{rg}",
                        PrincipalId = principal,
                        RoleDefinitionId = ReaderRole,
                        PrincipalType = "ServicePrincipal",
                    }));
                }));
            }
        }

        await Task.WhenAll(tasks);
        wall.Stop();
        foreach (var c in clients) c.Dispose();
        var recorded = emulator.Requests.List();
        int maxRequests = 0;
        int maxWrites = 0;
        foreach (var group in recorded.GroupBy(r => MigrationSection.SubscriptionOf(r.Path), StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0))
        {
            maxRequests = Math.Max(maxRequests, Stats.MaxInWindow(group.Select(r => r.Time), TimeSpan.FromSeconds(1)));
            maxWrites = Math.Max(maxWrites, Stats.MaxInWindow(group.Where(r => r.Method != "GET").Select(r => r.Time), TimeSpan.FromSeconds(1)));
        }

        return new EtiquetteResult(instances, requestsPerSecond, writesPerSecond, ArmBudget.RequestsPerSecond, ArmBudget.WritesPerSecond, problems,
            SubscriptionCount, logical, recorded.Count, recorded.Count(r => r.Method != "GET"), maxRequests, maxWrites,
            recorded.Count(r => r.Status == 429), recorded.Count(r => r.Status == 503), recorded.Count(r => r.Status == 0),
            retries, logical * MaxRetries, failed, wall.Elapsed.TotalSeconds);
    }
}
