using Mnet.Arm.Operations;

namespace Mnet.Arm.Tests.Operations;

/// <summary>From tests/arm/retry-parts.test.ts: the per-workspace lock of outbound-rule writes.</summary>
public sealed class KeyedMutexTests
{
    [Fact]
    public async Task Keyed_mutex_runs_tasks_one_at_a_time_per_key_and_survives_failures()
    {
        var mutex = new KeyedMutex();
        var log = new List<string>();
        var gate = new Lock();
        var firstRunning = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        void Log(string entry)
        {
            lock (gate) log.Add(entry);
        }
        Func<Task<string>> Task(string name, bool fail = false, Task? hold = null, TaskCompletionSource? started = null) => async () =>
        {
            Log($"start {name}");
            started?.TrySetResult();
            if (hold is not null) await hold;
            await System.Threading.Tasks.Task.Yield();
            Log($"end {name}");
            if (fail) throw new InvalidOperationException(name);
            return name;
        };
        var first = mutex.RunAsync("ws", Task("1", fail: true, hold: releaseFirst.Task, started: firstRunning), CancellationToken.None);
        await firstRunning.Task;
        var second = mutex.RunAsync("WS", Task("2"), CancellationToken.None); // keys compare without case
        var other = mutex.RunAsync("other", Task("x"), CancellationToken.None);
        Assert.Equal("x", await other); // other keys run while "ws" is held
        releaseFirst.SetResult();
        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal("2", await second);
        Assert.True(log.IndexOf("end 1") < log.IndexOf("start 2"), string.Join(",", log));
        Assert.True(log.IndexOf("start x") < log.IndexOf("end 1"), "other keys run concurrently");
    }
}
