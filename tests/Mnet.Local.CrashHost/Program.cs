using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Local;
using Mnet.Local.CrashHost;
using Mnet.Local.CrashHost.Flows;

// Usage: Mnet.Local.CrashHost <store connection string> <task hub> <instance id>
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: Mnet.Local.CrashHost <store> <task hub> <instance id>");
    return 2;
}

(string store, string taskHub, string instanceId) = (args[0], args[1], args[2]);
await using LocalEngine engine = await LocalEngine.StartAsync(
    CrashFlowEngine.Options(store, taskHub),
    CrashFlowEngine.Register,
    services => services.AddSingleton<ISlowStepGate, HangingGate>());
await engine.Client.ScheduleNewOrchestrationInstanceAsync(
    nameof(CrashFlow), "crash-input", new StartOrchestrationOptions(instanceId));
Console.WriteLine(CrashHostProtocol.Scheduled);

// Runs until the test kills the process in the middle of the slow step.
await Task.Delay(Timeout.Infinite);
return 0;
