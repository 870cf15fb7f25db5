using System.Collections.Concurrent;
using System.Text;
using Microsoft.DurableTask;

namespace Mnet.Workflows.Tests.Support;

/// <summary>
/// The workflow JSON, counting what it writes: every payload that goes into history (orchestration and activity
/// inputs and outputs) passes through Serialize. Replays serialize the same payloads again; counting each distinct
/// text once gives the history's payload size.
/// </summary>
public sealed class CountingDataConverter(DataConverter inner) : DataConverter
{
    readonly ConcurrentDictionary<string, int> payloads = new(StringComparer.Ordinal);

    public override string? Serialize(object? value)
    {
        string? json = inner.Serialize(value);
        if (json is not null) payloads.TryAdd(json, Encoding.UTF8.GetByteCount(json));
        return json;
    }

    public override object? Deserialize(string? data, Type targetType) => inner.Deserialize(data, targetType);

    /// <summary>Bytes of UTF-8 JSON over every distinct payload written so far.</summary>
    public long DistinctBytes => payloads.Values.Sum(v => (long)v);

    /// <summary>The largest single payload.</summary>
    public int LargestBytes => payloads.Values.DefaultIfEmpty(0).Max();
}
