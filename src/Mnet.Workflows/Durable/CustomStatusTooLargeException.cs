namespace Mnet.Workflows.Durable;

/// <summary>A custom status whose JSON is over <see cref="DurableLimits.MaxCustomStatusBytes"/> in UTF-16.</summary>
public sealed class CustomStatusTooLargeException : DurableLimitException
{
    public CustomStatusTooLargeException(int bytes, int limit)
        : base($"The custom status is {bytes} bytes as UTF-16 JSON; Durable Functions allows at most {limit} " +
               "(16 KB) and fails the orchestration above it. Put less in the status (the output can hold the rest).")
    {
        Bytes = bytes;
        Limit = limit;
    }

    /// <summary>The status's size: its JSON's UTF-16 byte count.</summary>
    public int Bytes { get; }

    public int Limit { get; }
}
