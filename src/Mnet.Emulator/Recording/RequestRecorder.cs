using System.Text.Json.Nodes;

namespace Mnet.Emulator.Recording;

/// <summary>Every ARM request received (not admin routes), for test assertions and GET /_emulator/requests.</summary>
public sealed class RequestRecorder
{
    private readonly object gate = new();
    private readonly List<RecordedRequest> entries = [];
    private long seq;

    public RecordedRequest Record(string method, string path, IReadOnlyDictionary<string, string> query, int status,
        DateTimeOffset time, JsonNode? body)
    {
        lock (gate)
        {
            var keepBody = method is not ("GET" or "HEAD") ? body?.DeepClone() : null;
            var entry = new RecordedRequest(++seq, method, path, query, status, time, keepBody);
            entries.Add(entry);
            return entry;
        }
    }

    public IReadOnlyList<RecordedRequest> List()
    {
        lock (gate)
        {
            return [.. entries];
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }
}
