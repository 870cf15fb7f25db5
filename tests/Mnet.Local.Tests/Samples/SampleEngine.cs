using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Mnet.Local.Tests.Samples;

/// <summary>The sample flows' registrations and services, for every backend.</summary>
public static class SampleEngine
{
    public const string Salutation = "bonjour";

    public static void Register(DurableTaskRegistry registry) =>
        registry
            .AddOrchestrator<SampleFlow>()
            .AddOrchestrator<ChildFlow>()
            .AddActivity<GreetActivity>()
            .AddActivity<FlakyActivity>();

    public static void Services(IServiceCollection services) =>
        services
            .AddSingleton<IGreeter>(new Greeter(Salutation))
            .AddSingleton<AttemptLog>();
}
