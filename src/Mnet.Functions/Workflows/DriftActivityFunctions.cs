using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Mnet.Workflows;
using Mnet.Workflows.Activities.Drift;
using Mnet.Workflows.Contracts;

namespace Mnet.Functions.Workflows;

/// <summary>Activities of the drift scan (Activities/Drift); remediation starts onboardings through the durable client.</summary>
public static class DriftActivityFunctions
{
    [Function(WorkflowNames.ScanDrift)]
    public static Task<DriftScanSummary> ScanDriftAsync([ActivityTrigger] ScanDriftInput input, FunctionContext context) =>
        WorkflowActivities.Create<ScanDriftActivity>(context).RunAsync(input);

    [Function(WorkflowNames.StartRemediation)]
    public static Task<IReadOnlyList<DriftRemediation>> StartRemediationAsync(
        [ActivityTrigger] StartRemediationInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WorkflowActivities.Create<StartRemediationActivity>(context, client).RunAsync(input);
}
