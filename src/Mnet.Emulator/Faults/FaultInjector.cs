using Mnet.Emulator.Randomness;

namespace Mnet.Emulator.Faults;

/// <summary>Faults per route and per test, at runtime (thread-safe; reproducible through the seed).</summary>
public sealed class FaultInjector(uint seed = 1)
{
    private readonly object gate = new();
    private readonly List<Entry> active = [];
    private SeededRandom random = new(seed);
    private int nextId = 1;

    /// <summary>Adds a fault; returns its id (for <see cref="Remove"/>).</summary>
    public int Add(FaultSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        lock (gate)
        {
            var id = nextId++;
            active.Add(new Entry(id, spec));
            return id;
        }
    }

    public bool Remove(int id)
    {
        lock (gate)
        {
            return active.RemoveAll(e => e.Id == id) > 0;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            active.Clear();
        }
    }

    public IReadOnlyList<ActiveFault> List()
    {
        lock (gate)
        {
            return active.ConvertAll(e => new ActiveFault(e.Id, e.Spec, e.Fired));
        }
    }

    public void Reseed(uint newSeed)
    {
        lock (gate)
        {
            random = new SeededRandom(newSeed);
        }
    }

    /// <summary>The request-level fault (status, reset, latency) to apply now, consumed.</summary>
    public Fault? TakeRequestFault(string method, string pathAndQuery) => Take(method, pathAndQuery, false);

    /// <summary>The LRO fault for an operation this request starts, consumed.</summary>
    public Fault? TakeOperationFault(string method, string pathAndQuery) => Take(method, pathAndQuery, true);

    private Fault? Take(string method, string pathAndQuery, bool operation)
    {
        lock (gate)
        {
            for (var i = 0; i < active.Count; i++)
            {
                var e = active[i];
                var spec = e.Spec;
                if (spec.Fault.ActsOnOperation != operation
                    || (spec.Method is not null && !spec.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
                    || !spec.MatchesPath(pathAndQuery)
                    || (spec.Probability is { } p && random.Next() >= p))
                {
                    continue;
                }

                e.Fired++;
                if (spec.Times is { } times && e.Fired >= times)
                {
                    active.RemoveAt(i);
                }

                return spec.Fault;
            }

            return null;
        }
    }

    private sealed class Entry(int id, FaultSpec spec)
    {
        public int Id { get; } = id;

        public FaultSpec Spec { get; } = spec;

        public int Fired { get; set; }
    }
}
