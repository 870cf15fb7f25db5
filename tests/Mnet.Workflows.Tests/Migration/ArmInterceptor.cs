using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Arm;

namespace Mnet.Workflows.Tests.Migration;

/// <summary>
/// The real ARM client with a hook before chosen calls (never a fake: every call still reaches the emulator). Tests
/// use it to look at the world at an exact moment, e.g. the store when the first delete is about to be sent.
/// </summary>
public class ArmInterceptor : DispatchProxy
{
    IArmClient inner = null!;
    Func<string, Task> before = null!;

    /// <summary>Replaces the rig's IArmClient with one that awaits <paramref name="before"/>(method name) before each call.</summary>
    public static void Install(IServiceCollection services, Func<string, Task> before)
    {
        var real = (IArmClient)services.Last(d => d.ServiceType == typeof(IArmClient)).ImplementationInstance!;
        var proxy = Create<IArmClient, ArmInterceptor>();
        var interceptor = (ArmInterceptor)(object)proxy;
        interceptor.inner = real;
        interceptor.before = before;
        services.AddSingleton(proxy);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var returns = targetMethod.ReturnType;
        if (!returns.IsGenericType || returns.GetGenericTypeDefinition() != typeof(Task<>))
        {
            return targetMethod.Invoke(inner, args);
        }

        // Task<T>: run the hook, then the real call, as one Task<T>.
        var forward = typeof(ArmInterceptor).GetMethod(nameof(ForwardAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(returns.GetGenericArguments()[0]);
        return forward.Invoke(this, [targetMethod, args]);
    }

    async Task<T> ForwardAsync<T>(MethodInfo method, object?[]? args)
    {
        await before(method.Name);
        try
        {
            return await (Task<T>)method.Invoke(inner, args)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
