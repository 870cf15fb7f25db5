using Mnet.Core.Drift;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Stores.Reports;

namespace Mnet.Workflows.Tests.Stores;

/// <summary>Drift reports stored by id, with the latest retrievable: run over each store implementation.</summary>
public abstract class DriftReportStoreContract
{
    const string Ws = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1";
    static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected abstract IDocumentStore NewStore();

    [Fact]
    public async Task TheLatestReportIsRetrievable_AndEveryReportIsKeptUnderItsId()
    {
        // TS file-snapshot-store (file report store) + blob-snapshot-store (blob report store keeps the latest).
        var reports = new DriftReportStore(NewStore());
        Assert.Null(await reports.LatestAsync());

        StoredDriftReport first = await reports.SaveAsync(Report(1), T0, "mnet-drift-1", dryRun: false);
        await reports.SaveAsync(Report(2), T0.AddHours(6), "mnet-drift-1", dryRun: false);

        Assert.Equal(2, (await reports.LatestAsync())!.Report.Scanned);
        Assert.Equal(2, (await reports.ListIdsAsync()).Count);
        Assert.Equal(first.Id, (await reports.ListIdsAsync())[0]);
        Assert.Equal(1, (await reports.GetAsync(first.Id))!.Report.Scanned);
        Assert.Null(await reports.GetAsync("latest"));
        Assert.Null(await reports.GetAsync("drift/latest.json"));
        Assert.Null(await reports.GetAsync("../latest"));
    }

    [Fact]
    public async Task ADryRunReportIsKeptUnderItsIdButNeverBecomesTheLatest()
    {
        // TS file-snapshot-store: a dry-run drift report is kept under its own key but never becomes the latest.
        var reports = new DriftReportStore(NewStore());
        StoredDriftReport real = await reports.SaveAsync(Report(0), T0, "real", dryRun: false);
        StoredDriftReport dry = await reports.SaveAsync(Report(1), T0.AddHours(1), "dry", dryRun: true);

        Assert.Equal(real.Id, (await reports.LatestAsync())!.Id);
        StoredDriftReport? back = await reports.GetAsync(dry.Id);
        Assert.NotNull(back);
        Assert.True(back.DryRun);
        Assert.Single(back.Report.Drifted);
    }

    [Fact]
    public async Task AReportRoundTripsWithItsPlans_AndSavingTwiceKeepsOneReport()
    {
        var reports = new DriftReportStore(NewStore());
        DriftReport report = Report(3);
        StoredDriftReport saved = await reports.SaveAsync(report, T0, "mnet-drift-abc", dryRun: false);
        // An activity that runs twice (at-least-once) saves the same report under the same id.
        StoredDriftReport again = await reports.SaveAsync(report, T0, "mnet-drift-abc", dryRun: false);

        Assert.Equal(saved.Id, again.Id);
        Assert.Equal([saved.Id], await reports.ListIdsAsync());
        StoredDriftReport back = (await reports.GetAsync(saved.Id))!;
        Assert.Equal(T0, back.SavedAt);
        Assert.Equal("mnet-drift-abc", back.InstanceId);
        Assert.Equal(report.GeneratedAt, back.Report.GeneratedAt);
        DriftedWorkspace drifted = Assert.Single(back.Report.Drifted);
        Assert.Equal(Ws + "0", drifted.WorkspaceId);
        SetIsolationModeStep step = Assert.IsType<SetIsolationModeStep>(Assert.Single(drifted.Plan.Steps));
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, step.Params.To);
        Assert.Equal(report.Refused, back.Report.Refused);
    }

    [Fact]
    public void IdsSortByTimeAndCarryTheInstance_InKeySafeCharacters()
    {
        string id = DriftReportStore.IdFor(T0.AddMilliseconds(5), "mnet-drift/1#x");
        Assert.Equal("20250101T000000005Z-mnet-drift1x", id);
        Assert.True(string.CompareOrdinal(id, DriftReportStore.IdFor(T0.AddSeconds(1), "a")) < 0);
    }

    static DriftReport Report(int scanned) => new()
    {
        GeneratedAt = T0.AddMinutes(scanned),
        PolicyName = "p",
        Scanned = scanned,
        InScope = scanned,
        Compliant = 0,
        Drifted = scanned == 0 ? [] : [new DriftedWorkspace(Ws + "0", "ws10", "Default", ["isolation mode"], Plan())],
        Refused = scanned < 3 ? [] : [new RefusedWorkspace(Ws + "9", "ws19", "Default", "locked", "scope-lock")],
    };

    static Plan Plan() => new()
    {
        WorkspaceId = Ws + "0",
        WorkspaceName = "ws10",
        Kind = "Default",
        PolicyName = "p",
        ActualMode = IsolationMode.AllowInternetOutbound,
        DesiredMode = IsolationMode.AllowOnlyApprovedOutbound,
        ComputesKnown = false,
        Compliant = false,
        Steps =
        [
            new SetIsolationModeStep
            {
                Id = "set-isolation-mode",
                Target = Ws + "0",
                Reason = "policy",
                Flags = StepFlags.Of(irreversible: true),
                Params = new SetIsolationModeParams(IsolationMode.AllowInternetOutbound, IsolationMode.AllowOnlyApprovedOutbound, true, "note"),
            },
        ],
    };
}
