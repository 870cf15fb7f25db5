using System.Reflection;

namespace Mnet.Arm.Tests.Posture;

/// <summary>
/// An <see cref="IArmClient"/> in front of the real one: records every call by method name and can hide Resource
/// Graph rows by id (as if the index lagged behind ARM), to exercise the reader's GET fallbacks.
/// </summary>
public class RecordingArmClient : DispatchProxy
{
    private IArmClient inner = null!;

    public List<string> Calls { get; } = [];

    public HashSet<string> HiddenFromResourceGraph { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static (IArmClient Client, RecordingArmClient Recorder) Wrap(IArmClient inner)
    {
        var client = Create<IArmClient, RecordingArmClient>();
        var recorder = (RecordingArmClient)(object)client;
        recorder.inner = inner;
        return (client, recorder);
    }

    public int Count(string method) => Calls.Count(c => c == method);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        lock (Calls) Calls.Add(targetMethod.Name);
        var result = targetMethod.Invoke(inner, args);
        if (targetMethod.Name != nameof(IArmClient.QueryResourceGraphAsync)) return result;
        var rowType = targetMethod.GetGenericArguments()[0];
        return typeof(RecordingArmClient).GetMethod(nameof(HideAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(rowType)
            .Invoke(this, [result]);
    }

    private async Task<IReadOnlyList<T>> HideAsync<T>(Task<IReadOnlyList<T>> rows)
    {
        var id = typeof(T).GetProperty("Id");
        return [.. (await rows).Where(r => id is null || !HiddenFromResourceGraph.Contains(id.GetValue(r) as string ?? ""))];
    }
}
