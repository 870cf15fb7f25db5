using Microsoft.DurableTask.Converters;
using Mnet.Workflows.Durable;

namespace Mnet.Local.Tests.Durable;

public sealed class DurableLimitsTests
{
    [Fact]
    public void CustomStatusBytes_IsTheUtf16SizeOfTheJsonTheWorkerWrites()
    {
        Assert.Equal(0, DurableLimits.CustomStatusBytes(null));
        Assert.Equal(10, DurableLimits.CustomStatusBytes("abc")); // "abc" with its quotes: 5 characters
        var phase = new { Name = "planning", Step = 2 };
        Assert.Equal(JsonDataConverter.Default.Serialize(phase)!.Length * 2, DurableLimits.CustomStatusBytes(phase));
    }

    [Fact]
    public void CustomStatus_OfExactly16KB_Fits_OneCharacterMoreDoesNot()
    {
        string atLimit = new('x', (DurableLimits.MaxCustomStatusBytes / 2) - 2);
        string over = atLimit + "x";

        Assert.True(DurableLimits.CustomStatusFits(atLimit));
        DurableLimits.EnsureCustomStatusFits(atLimit);
        Assert.False(DurableLimits.CustomStatusFits(over));
        var error = Assert.Throws<CustomStatusTooLargeException>(() => DurableLimits.EnsureCustomStatusFits(over));
        Assert.Equal(16386, error.Bytes);
        Assert.Equal(16384, error.Limit);
        Assert.Contains("16 KB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomStatus_IsMeasuredWithTheGivenConverter()
    {
        // The default converter escapes non-ASCII (\u00E9: 6 characters); a converter that does not, measures less.
        var relaxed = new JsonDataConverter(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

        Assert.Equal(16, DurableLimits.CustomStatusBytes("é"));
        Assert.Equal(6, DurableLimits.CustomStatusBytes("é", relaxed));
    }

    [Fact]
    public void MessagePayload_Over45KB_IsRefusedWithWhatItIs()
    {
        string fits = new('m', DurableLimits.MaxInlineMessageBytes - 2);
        string over = fits + "m";

        DurableLimits.EnsureMessageFits(fits, "input of activity ApplyStep");
        var error = Assert.Throws<DurableMessageTooLargeException>(
            () => DurableLimits.EnsureMessageFits(over, "input of activity ApplyStep"));
        Assert.Equal("input of activity ApplyStep", error.What);
        Assert.Equal(DurableLimits.MaxInlineMessageBytes + 1, error.Bytes);
        Assert.StartsWith("input of activity ApplyStep is 46081 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageBytes_CountsUtf8()
    {
        Assert.Equal(0, DurableLimits.MessageBytes(null));
        Assert.Equal(5, DurableLimits.MessageBytes("abc"));
    }

    [Fact]
    public void DistinctSubOrchestrationIds_Pass()
    {
        DurableLimits.EnsureDistinctSubOrchestrationIds("parent", ["parent:ws-1", "parent:ws-2", "other"]);
        DurableLimits.EnsureDistinctSubOrchestrationIds("parent", []);
    }

    [Fact]
    public void CollidingSubOrchestrationIds_AreAllNamedOnce_IgnoringCase()
    {
        var error = Assert.Throws<SubOrchestrationIdCollisionException>(() =>
            DurableLimits.EnsureDistinctSubOrchestrationIds("parent", ["a", "b", "A", "a", "c", "B"]));

        Assert.Equal("parent", error.ParentInstanceId);
        Assert.Equal(["A", "B"], error.Collisions);
        Assert.Contains("'A', 'B'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChildId_EqualToTheParentsOwn_Collides()
    {
        var error = Assert.Throws<SubOrchestrationIdCollisionException>(() =>
            DurableLimits.EnsureDistinctSubOrchestrationIds("onboard-ws1", ["onboard-WS1"]));

        Assert.Equal(["onboard-WS1"], error.Collisions);
    }

    [Fact]
    public void EmptyChildId_IsABug_NotACollision()
    {
        Assert.Throws<ArgumentException>(() => DurableLimits.EnsureDistinctSubOrchestrationIds("parent", ["a", ""]));
    }
}
