using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Mnet.Service.Orchestrations;

namespace Mnet.Service.Requests;

/// <summary>
/// Builds a <see cref="RequestView"/> from an orchestration snapshot: custom status while it runs, output once done,
/// input for who asked. Read defensively: the shapes travel through Durable history as plain JSON.
/// </summary>
public static class RequestViews
{
    const string WaitingPhase = "waiting-for-approval";

    public static RequestView From(OrchestrationSnapshot status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var custom = status.CustomStatus as JsonObject;
        var output = status.Output as JsonObject;
        var input = status.Input as JsonObject;
        var request = input?["request"] as JsonObject;
        string? phase = Text(custom, "phase");
        string state = StateOf(status.RuntimeStatus, phase);
        var waiting = custom?["waitingForApproval"] as JsonObject;
        WaitingForApproval? waitingView = null;
        ApprovalQuestion? question = null;
        if (phase == WaitingPhase && waiting?["stepIds"] is JsonArray stepIds)
        {
            var ids = stepIds.Select(s => s?.ToString() ?? "").ToList();
            string deadline = waiting["deadline"]?.ToString() ?? "";
            waitingView = new WaitingForApproval(ids, deadline);
            if (state == RequestStates.WaitingForApproval)
            {
                question = new ApprovalQuestion(status.InstanceId, status.RunId, PlanHashes.Of(custom?["plan"], ids, deadline), ids, deadline);
            }
        }

        return new RequestView
        {
            InstanceId = status.InstanceId,
            RunId = status.RunId,
            Orchestration = status.Name,
            RuntimeStatus = status.RuntimeStatus.ToString(),
            State = state,
            Phase = phase,
            CurrentStep = Text(custom, "currentStep"),
            WorkspaceId = Text(output, "workspaceId") ?? Text(custom, "workspaceId") ?? Text(input, "workspaceId"),
            TicketId = Text(custom, "ticketId") ?? Text(request, "ticketId"),
            RequestedBy = Text(request, "requestedBy"),
            DryRun = input?["dryRun"] is JsonValue dry && dry.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? dry.GetValue<bool>() : null,
            Result = Text(output, "result"),
            Plan = (output?["plan"] ?? custom?["plan"])?.DeepClone(),
            Outcomes = (output?["outcomes"] ?? custom?["outcomes"]) is JsonArray outcomes ? (JsonArray)outcomes.DeepClone() : [],
            Errors = ErrorsOf(status, output),
            WaitingForApproval = waitingView,
            Approval = question,
            Message = Text(custom, "message"),
            CreatedTime = status.CreatedAt,
            LastUpdatedTime = status.LastUpdatedAt,
        };
    }

    static string StateOf(OrchestrationRuntimeStatus runtime, string? phase) => runtime switch
    {
        OrchestrationRuntimeStatus.Pending => RequestStates.Pending,
        OrchestrationRuntimeStatus.Running => phase == WaitingPhase ? RequestStates.WaitingForApproval : RequestStates.Running,
        OrchestrationRuntimeStatus.Completed => RequestStates.Completed,
        OrchestrationRuntimeStatus.Failed => RequestStates.Failed,
        OrchestrationRuntimeStatus.Terminated => RequestStates.Terminated,
        OrchestrationRuntimeStatus.Suspended => RequestStates.Suspended,
        _ => runtime.ToString() == "Canceled" ? RequestStates.Canceled : RequestStates.Unknown,
    };

    static List<RequestError> ErrorsOf(OrchestrationSnapshot status, JsonObject? output)
    {
        var listed = new List<RequestError>();
        if (output?["errors"] is JsonArray errors)
        {
            foreach (var e in errors.OfType<JsonObject>())
            {
                listed.Add(new RequestError(Text(e, "code") ?? "error", FirstLine(Text(e, "message") ?? "")));
            }
        }

        if (status.RuntimeStatus == OrchestrationRuntimeStatus.Failed && listed.Count == 0)
        {
            // A failed orchestration's message may carry a stack in some hosts: first line only.
            string text = status.FailureMessage ?? (status.Output is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>() : Text(output, "message")) ?? "the orchestration failed";
            listed.Add(new RequestError("orchestration-failed", FirstLine(text)));
        }

        return listed;
    }

    internal static string FirstLine(string text)
    {
        int newline = text.IndexOfAny(['\r', '\n']);
        string line = newline >= 0 ? text[..newline] : text;
        return line.Length > 500 ? line[..500] : line;
    }

    static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
