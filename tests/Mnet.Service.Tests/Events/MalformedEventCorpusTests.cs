using System.Text.Json.Nodes;
using Mnet.Service.Events;
using Mnet.Service.Tests.Support;

namespace Mnet.Service.Tests.Events;

/// <summary>
/// Issue 19, malformed input: every delivery of <see cref="MalformedEventCorpus"/> through the queue handler is
/// acknowledged (no exception), ignored with its reason, logged with it, and starts nothing. Port of the event half of
/// the TypeScript tests/reliability/bad-input.test.ts.
/// </summary>
public sealed class MalformedEventCorpusTests : IDisposable
{
    readonly ServiceRig rig = new(extraPolicies: new Dictionary<string, string>
    {
        ["baseline.json"] = MalformedEventCorpus.Policy().ToJsonString(),
    });

    public void Dispose() => rig.Dispose();

    public static TheoryData<string> Names => new(MalformedEventCorpus.Cases.Select(c => c.Name));

    async Task<WorkspaceEventOutcome> DeliverAsync(JsonNode e) =>
        Assert.Single(await rig.App.Events.HandleQueueMessageAsync(rig.Durable, e.ToJsonString()));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Is_acknowledged_and_ignored_with_its_reason_starting_nothing(string name)
    {
        var k = MalformedEventCorpus.Named(name);
        Assert.Equal(WorkspaceEventOutcome.Ignored(k.Reason), await DeliverAsync(k.Event));
        Assert.Contains(rig.Logs.Events("event.ignored"),
            l => l.Fields.TryGetValue("reason", out var reason) && reason?.ToString()?.StartsWith(k.Reason, StringComparison.Ordinal) == true);
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task The_same_wiring_starts_an_onboarding_for_a_well_formed_event_and_the_corpus_is_whole()
    {
        Assert.True(MalformedEventCorpus.Cases.Count >= 40, $"{MalformedEventCorpus.Cases.Count} cases");
        Assert.Equal(MalformedEventCorpus.Cases.Count, MalformedEventCorpus.Cases.Select(c => c.Name).Distinct().Count());
        Assert.Equal(WorkspaceEventAction.Started, (await DeliverAsync(MalformedEventCorpus.Valid())).Action);
        Assert.Single(rig.Durable.Starts);
    }
}
