using Microsoft.DurableTask;

namespace Mnet.Local.Tests.Samples;

/// <summary>An activity class built by the worker with its dependencies injected.</summary>
public sealed class GreetActivity(IGreeter greeter) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        Task.FromResult(greeter.Greet(input));
}
