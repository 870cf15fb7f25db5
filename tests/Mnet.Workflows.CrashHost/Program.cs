using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Workflows.CrashHost;
using Mnet.Workflows.Stores;

// Usage: Mnet.Workflows.CrashHost <config.json>. Runs until the test kills the whole process group.
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: Mnet.Workflows.CrashHost <config.json>");
    return 2;
}

var config = CrashHostConfig.Read(args[0]);
using var arm = CrashEngine.Arm(config);
await using var engine = await CrashEngine.StartAsync(
    CrashEngine.Options(config.EngineStore, config.TaskHub), arm, new FolderDocumentStore(config.DocumentsFolder));
await engine.Client.ScheduleNewOrchestrationInstanceAsync(
    config.Orchestrator, config.Input, new StartOrchestrationOptions(config.InstanceId));
Console.WriteLine(CrashHostProtocol.Scheduled);
await Task.Delay(Timeout.Infinite);
return 0;
