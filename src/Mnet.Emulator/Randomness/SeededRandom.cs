namespace Mnet.Emulator.Randomness;

/// <summary>
/// mulberry32, as the TypeScript emulator used: tiny, reproducible from a seed (probabilistic faults, generated
/// scenario data). Not for security.
/// </summary>
public sealed class SeededRandom(uint seed)
{
    private uint state = seed;

    /// <summary>A float in [0, 1).</summary>
    public double Next()
    {
        unchecked
        {
            state += 0x6d2b79f5;
            var t = state;
            t = (t ^ (t >> 15)) * (t | 1);
            t ^= t + ((t ^ (t >> 7)) * (t | 61));
            return (t ^ (t >> 14)) / 4294967296.0;
        }
    }

    public T Pick<T>(IReadOnlyList<T> items)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException("Cannot pick from an empty list.", nameof(items));
        }

        return items[(int)Math.Floor(Next() * items.Count)];
    }
}
