using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Emulator;
using Mnet.Emulator.Recording;
using Mnet.Emulator.Time;
using Mnet.Local;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores;

namespace Mnet.Workflows.Tests.Support;

/// <summary>
/// One local stack: the C# ARM emulator on a scaled clock, the real <see cref="ArmClient"/> pointed at it (its CA,
/// a static token), a document store (a folder in a temp dir by default), and the real Durable engine
/// (<see cref="LocalEngine"/>, in memory by default) running <c>AddMnetWorkflows</c> with <c>AddMnetActivities</c>.
/// Orchestrations get <see cref="Timings"/> so their durable waits shrink by the emulator's scale.
/// <code>
/// await using var rig = await WorkflowRig.StartAsync(new() { Scenario = "demo" });
/// var output = await rig.RunAsync&lt;OnboardWorkspaceInput, OnboardWorkspaceOutput&gt;(WorkflowNames.OnboardWorkspace, input);
/// </code>
/// </summary>
public sealed class WorkflowRig : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    readonly string tempDir;

    WorkflowRig(RunningEmulator emulator, ArmClient arm, ScaledTimeProvider clock, string tempDir, IDocumentStore store,
        WorkflowTimings timings)
    {
        Emulator = emulator;
        Arm = arm;
        Clock = clock;
        this.tempDir = tempDir;
        Store = store;
        Timings = timings;
    }

    public RunningEmulator Emulator { get; }

    /// <summary>The client the activities use (tests may read or seed through it too).</summary>
    public ArmClient Arm { get; }

    /// <summary>The emulator's clock (and the activities' TimeProvider).</summary>
    public ScaledTimeProvider Clock { get; }

    public LocalEngine Engine { get; private set; } = null!;

    public DurableTaskClient Client => Engine.Client;

    public IDocumentStore Store { get; }

    /// <summary>The folder store's root (under the rig's temp dir, deleted on dispose).</summary>
    public string StoreFolder => Path.Combine(tempDir, "store");

    /// <summary>Pass these in every orchestration input: production cadence, scaled to the emulator's clock.</summary>
    public WorkflowTimings Timings { get; }

    public static async Task<WorkflowRig> StartAsync(WorkflowRigOptions? options = null)
    {
        options ??= new WorkflowRigOptions();
        var clock = new ScaledTimeProvider(options.Scale);
        var emulatorOptions = new EmulatorOptions { Scenario = options.Scenario, TimeProvider = clock };
        if (options.Durations is not null) emulatorOptions = emulatorOptions with { Durations = options.Durations };
        if (options.Emulator is not null) emulatorOptions = options.Emulator(emulatorOptions);
        var emulator = await EmulatorHost.StartAsync(emulatorOptions);
        var timers = new ScaledTimers(clock);
        var arm = new ArmClient(new ArmClientOptions
        {
            Endpoint = emulator.Url,
            Credential = new StaticTokenCredential(options.Token),
            CaCertificatePem = emulator.CaCertificatePem,
            TimeProvider = timers,
            Random = () => 0.5,
            RequestsPerSecond = 0,
            WritesPerSecond = 0,
        });
        string tempDir = Directory.CreateTempSubdirectory("mnet-workflows-").FullName;
        string storeFolder = Path.Combine(tempDir, "store");
        IDocumentStore store = options.Store?.Invoke(storeFolder) ?? new FolderDocumentStore(storeFolder);
        var rig = new WorkflowRig(emulator, arm, clock, tempDir, store, new WorkflowTimings { TimeScale = options.Scale });
        try
        {
            rig.Engine = await LocalEngine.StartAsync(
                new LocalEngineOptions { Store = options.EngineStore, TaskHub = options.TaskHub, LoggerFactory = options.LoggerFactory },
                registry =>
                {
                    registry.AddMnetWorkflows();
                    options.Register?.Invoke(registry);
                },
                services =>
                {
                    services.AddSingleton<IArmClient>(arm);
                    services.AddSingleton(store);
                    services.AddSingleton<TimeProvider>(timers);
                    if (options.Redelivery is not null) services.AddSingleton(options.Redelivery);
                    services.AddMnetActivities(options.Settings);
                    options.Services?.Invoke(services);
                });
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }

        return rig;
    }

    /// <summary>Schedules an orchestration; returns its instance id.</summary>
    public Task<string> StartAsync<TInput>(string orchestrator, TInput input, string? instanceId = null) =>
        Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));

    /// <summary>Waits for the instance to end (any end); fails the test with its state after <paramref name="timeout"/>.</summary>
    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"'{instanceId}' did not end within {timeout ?? DefaultTimeout}: {await DescribeAsync(instanceId)}");
        }
    }

    /// <summary>Starts, waits, and returns the output of an orchestration that must complete.</summary>
    public async Task<TOutput> RunAsync<TInput, TOutput>(string orchestrator, TInput input, string? instanceId = null,
        TimeSpan? timeout = null)
    {
        string id = await StartAsync(orchestrator, input, instanceId);
        return OutputOf<TOutput>(await WaitAsync(id, timeout));
    }

    /// <summary>
    /// Starts an orchestration and approves it whenever it waits for approval (the steps a plan gates depend on the
    /// planner's rules, not on what such a test is about); returns its output once it completed.
    /// </summary>
    public async Task<TOutput> RunApprovingAsync<TInput, TOutput>(string orchestrator, TInput input, string? instanceId = null)
    {
        string id = await StartAsync(orchestrator, input, instanceId);
        while (true)
        {
            var state = await WaitForAsync(id, s => s.IsCompleted || StatusOf(s)?.Phase == OrchestrationPhase.WaitingForApproval,
                "completion or an approval request", DefaultTimeout);
            if (state.IsCompleted) return OutputOf<TOutput>(state);
            await ApproveAsync(id);
            await WaitForAsync(id, s => s.IsCompleted || StatusOf(s)?.Phase != OrchestrationPhase.WaitingForApproval, "the approval taken", DefaultTimeout);
        }
    }

    /// <summary>The output of a completed instance; a failed or terminated one fails the test with its details.</summary>
    public static TOutput OutputOf<TOutput>(OrchestrationMetadata state)
    {
        if (state.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException(
                $"'{state.InstanceId}' ended {state.RuntimeStatus}: {state.FailureDetails?.ErrorType} {state.FailureDetails?.ErrorMessage}");
        }

        return state.ReadOutputAs<TOutput>() ?? throw new InvalidOperationException($"'{state.InstanceId}' has no output");
    }

    /// <summary>The instance's custom status, or null when it has none.</summary>
    public static OrchestrationCustomStatus? StatusOf(OrchestrationMetadata state) =>
        state.SerializedCustomStatus is null ? null : state.ReadCustomStatusAs<OrchestrationCustomStatus>();

    /// <summary>Polls until the instance exists and <paramref name="condition"/> holds for its state.</summary>
    public async Task<OrchestrationMetadata> WaitForAsync(string instanceId, Func<OrchestrationMetadata, bool> condition,
        string description, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        using var cancel = new CancellationTokenSource(limit);
        while (true)
        {
            var state = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (state is not null && condition(state)) return state;
            if (state is { IsCompleted: true })
            {
                throw new InvalidOperationException($"'{instanceId}' ended before reaching {description}: {await DescribeAsync(instanceId)}");
            }

            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"'{instanceId}' never reached {description} within {limit}: {await DescribeAsync(instanceId)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the instance publishes the waiting-for-approval phase.</summary>
    public Task<OrchestrationMetadata> WaitForApprovalAsync(string instanceId, TimeSpan? timeout = null) =>
        WaitForAsync(instanceId, s => StatusOf(s)?.Phase == OrchestrationPhase.WaitingForApproval, "waiting-for-approval", timeout);

    /// <summary>Raises the approval event (any payload: a malformed one must be ignored).</summary>
    public Task RaiseApprovalAsync(string instanceId, object payload) =>
        Client.RaiseEventAsync(instanceId, WorkflowNames.ApprovalEvent, payload);

    public Task ApproveAsync(string instanceId, string approver = "alice@contoso.example") =>
        RaiseApprovalAsync(instanceId, new ApprovalDecision(true, approver));

    public Task RejectAsync(string instanceId, string approver = "bob@contoso.example", string? comment = null) =>
        RaiseApprovalAsync(instanceId, new ApprovalDecision(false, approver, comment));

    /// <summary>The last recorded request's sequence number: pass it to <see cref="RequestsSince"/> / <see cref="WritesSince"/>.</summary>
    public long Mark() => Emulator.Requests.List().LastOrDefault()?.Seq ?? 0;

    public IReadOnlyList<RecordedRequest> RequestsSince(long mark = 0) =>
        Emulator.Requests.List().Where(r => r.Seq > mark).ToList();

    /// <summary>ARM writes since <paramref name="mark"/>: PUT, PATCH, DELETE and POST actions (Resource Graph queries are reads).</summary>
    public IReadOnlyList<RecordedRequest> WritesSince(long mark = 0) =>
        RequestsSince(mark).Where(IsWrite).ToList();

    public static bool IsWrite(RecordedRequest r) =>
        r.Method is "PUT" or "PATCH" or "DELETE" ||
        (r.Method == "POST" && !r.Path.Contains("/providers/Microsoft.ResourceGraph/", StringComparison.OrdinalIgnoreCase));

    /// <summary>A document from the store, read as <typeparamref name="T"/> (null when absent).</summary>
    public async Task<T?> ReadDocumentAsync<T>(string key)
    {
        string? json = await Store.GetAsync(key);
        return json is null ? default : JsonSerializer.Deserialize<T>(json, WorkflowJson.Options);
    }

    async Task<string> DescribeAsync(string instanceId)
    {
        var state = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        return state is null
            ? "no such instance"
            : $"{state.RuntimeStatus}, custom status {state.SerializedCustomStatus ?? "none"}, output {state.SerializedOutput ?? "none"}, failure {state.FailureDetails?.ErrorMessage ?? "none"}";
    }

    public async ValueTask DisposeAsync()
    {
        if (Engine is not null) await Engine.DisposeAsync();
        Arm.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(tempDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a late activity: the OS temp cleanup takes it.
        }
    }
}
