using Microsoft.DurableTask.Client;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.CrashHost;
using Mnet.Workflows.Durable;
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
// Refused, as in Azure, if an instance is live under the id (a test reusing a task hub would be a test bug).
await engine.Client.ScheduleNewOrchestrationInstanceAsync(config.Orchestrator, config.Input, DurableLimits.UniqueStart(config.InstanceId));
Console.WriteLine(CrashHostProtocol.Scheduled);

// Runs until the test kills the process; meanwhile, when told to, watches the instance for an approval wait.
if (config.Approval == CrashHostApproval.None) await Task.Delay(Timeout.Infinite);
bool announced = false;
while (true)
{
    await Task.Delay(100);
    var state = await engine.Client.GetInstanceAsync(config.InstanceId, getInputsAndOutputs: true);
    if (announced || state?.SerializedCustomStatus is null) continue;
    if (state.ReadCustomStatusAs<OrchestrationCustomStatus>()?.Phase != OrchestrationPhase.WaitingForApproval) continue;
    announced = true;
    Console.WriteLine(CrashHostProtocol.WaitingForApproval);
    if (config.Approval != CrashHostApproval.Approve) continue;
    await engine.Client.RaiseEventAsync(config.InstanceId, WorkflowNames.ApprovalEvent, new ApprovalDecision(true, "crash-host@contoso.example"));
    Console.WriteLine(CrashHostProtocol.Approved);
}
