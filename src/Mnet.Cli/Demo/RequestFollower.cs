using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Mnet.Cli.Report;

namespace Mnet.Cli.Demo;

/// <summary>
/// The demo as a ticket system's client of the API: submit (POST /requests), read the status (GET /requests/{id})
/// until it finishes or waits for a person, and approve (POST /requests/{id}/approve) naming the plan it was shown.
/// </summary>
public sealed class RequestFollower(DemoApi api, Func<DateTimeOffset> emulatedNow, Func<DateTimeOffset, DateTimeOffset> toEmulated, IDemoProgress progress)
{
    public const string Approver = "platform-lead@contoso.com";
    public const string Requester = "cloud-governance@contoso.com";
    public const string Comment = "Reviewed the plan in the ticket; go ahead.";

    static readonly TimeSpan RealLimit = TimeSpan.FromSeconds(120);

    /// <summary>POST /requests; a busy workspace (409, an event's onboarding still running) is waited for and asked again.</summary>
    public async Task<(string InstanceId, DateTimeOffset SubmittedAt)> SubmitAsync(JsonObject body, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var submittedAt = emulatedNow();
            var answer = await api.PostAsync("/api/v1/requests", body.DeepClone(), cancellationToken);
            if (answer.Status == 409 && attempt < 3 && (string?)answer.Body["instanceId"] is { } running)
            {
                progress.Status($"workspace busy with {running}; waiting for it to finish");
                await WaitFinishedAsync(running, cancellationToken);
                continue;
            }

            var accepted = DemoApi.Expect("POST /api/v1/requests", answer, 202);
            return ((string?)accepted["instanceId"] ?? throw new DemoApiException("POST /api/v1/requests answered without an instanceId"), submittedAt);
        }
    }

    /// <summary>Drives the request to its end, approving each time it waits (as the platform lead would).</summary>
    public async Task<FollowedRequest> FollowAsync(string instanceId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var approvals = new List<StepView>();
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        DateTimeOffset? waitingSince = null;
        while (true)
        {
            var view = DemoApi.Expect($"GET /api/v1/requests/{instanceId}", await api.GetAsync($"/api/v1/requests/{instanceId}", cancellationToken), 200);
            string state = (string?)view["state"] ?? "";
            if (state is "completed" or "failed" or "terminated" or "canceled")
            {
                return new FollowedRequest(instanceId, view, approvals, startedAt, emulatedNow());
            }

            if (state == "waiting-for-approval" && view["approval"] is JsonObject question
                && (string?)question["planHash"] is { } planHash && answered.Add(planHash))
            {
                waitingSince ??= emulatedNow();
                var steps = question["stepIds"] is JsonArray ids ? string.Join(", ", ids.Select(i => i?.ToString())) : "the plan";
                string deadline = (string?)question["deadline"] is { } d && DateTimeOffset.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var due)
                    ? ReportFormat.Time(toEmulated(due)) + " on the emulated clock"
                    : "none";
                progress.Status($"waiting for approval of {steps}");
                var decision = new JsonObject
                {
                    ["approver"] = Approver,
                    ["comment"] = Comment,
                    ["runId"] = (string?)question["runId"],
                    ["planHash"] = planHash,
                };
                DemoApi.Expect($"POST /api/v1/requests/{instanceId}/approve",
                    await api.PostAsync($"/api/v1/requests/{instanceId}/approve", decision, cancellationToken), 202);
                approvals.Add(new StepView
                {
                    Orchestration = "POST /requests/{id}/approve",
                    StepId = string.Create(CultureInfo.InvariantCulture, $"approval:{approvals.Count + 1}"),
                    Kind = "approval",
                    Status = "succeeded",
                    StartedAt = waitingSince.Value,
                    FinishedAt = emulatedNow(),
                    Detail = $"{Approver} approved {steps} (deadline {deadline}): \"{Comment}\"",
                });
                waitingSince = null;
                progress.Status("approved; running");
                continue;
            }

            if (clock.Elapsed > RealLimit)
            {
                throw new DemoApiException($"request {instanceId} is still {state} after {RealLimit.TotalSeconds:0} s");
            }

            progress.Status($"{instanceId}: {state} (emulated clock {ReportFormat.Time(emulatedNow())})");
            await Task.Delay(40, cancellationToken);
        }
    }

    /// <summary>Waits until the instance has finished (any final state), 120 s at most.</summary>
    public async Task WaitFinishedAsync(string instanceId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < RealLimit)
        {
            var (status, view) = await api.GetAsync($"/api/v1/requests/{instanceId}", cancellationToken);
            if (status == 200 && (string?)view["state"] is "completed" or "failed" or "terminated" or "canceled") return;
            await Task.Delay(40, cancellationToken);
        }

        throw new DemoApiException($"{instanceId} did not finish within {RealLimit.TotalSeconds:0} s");
    }
}
