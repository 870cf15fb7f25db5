using Mnet.Local.Tests.Samples;

namespace Mnet.Local.Tests.Engine;

public sealed class LocalEngineOptionsTests
{
    [Fact]
    public void Defaults_AreValid_AndSelectTheInMemoryBackend()
    {
        var options = new LocalEngineOptions();

        options.Validate();
        Assert.Equal(LocalEngineBackend.InMemory, options.Backend);
        Assert.Equal(
            LocalEngineBackend.AzureStorage, (options with { Store = LocalEngineOptions.DevelopmentStorage }).Backend);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("my-hub")]
    [InlineData("")]
    public void TaskHub_MustBeAnAzureStorageTaskHubName(string taskHub)
    {
        var error = Assert.Throws<LocalEngineOptionsException>(
            () => new LocalEngineOptions { TaskHub = taskHub }.Validate());

        Assert.Equal(nameof(LocalEngineOptions.TaskHub), error.Option);
        Assert.Contains("3 to 45 letters or digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeaseRenewInterval_MustBeShorterThanTheLease()
    {
        var options = new LocalEngineOptions
        {
            LeaseInterval = TimeSpan.FromSeconds(10),
            LeaseRenewInterval = TimeSpan.FromSeconds(10),
        };

        var error = Assert.Throws<LocalEngineOptionsException>(options.Validate);

        Assert.Equal(nameof(LocalEngineOptions.LeaseRenewInterval), error.Option);
    }

    [Fact]
    public void Timeouts_MustBePositive()
    {
        var options = new LocalEngineOptions { WorkItemQueueVisibilityTimeout = TimeSpan.Zero };

        var error = Assert.Throws<LocalEngineOptionsException>(options.Validate);

        Assert.Equal(nameof(LocalEngineOptions.WorkItemQueueVisibilityTimeout), error.Option);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("not a connection string")]
    [InlineData("AccountName=x;AccountKey=secret-value")]
    public async Task Store_ThatIsNoConnectionString_IsRefusedBeforeAnythingStarts(string store)
    {
        var error = await Assert.ThrowsAsync<LocalEngineOptionsException>(() =>
            LocalEngine.StartAsync(new LocalEngineOptions { Store = store }, SampleEngine.Register));

        Assert.Equal(nameof(LocalEngineOptions.Store), error.Option);
        Assert.DoesNotContain("secret-value", error.Message, StringComparison.Ordinal);
    }
}
