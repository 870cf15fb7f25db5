namespace Mnet.Workflows.Durable;

/// <summary>
/// A Durable message payload (input, output or event data) over <see cref="DurableLimits.MaxInlineMessageBytes"/>.
/// </summary>
public sealed class DurableMessageTooLargeException : DurableLimitException
{
    public DurableMessageTooLargeException(string what, int bytes, int limit)
        : base($"{what} is {bytes} bytes as UTF-8 JSON, over the {limit}-byte budget for one Durable message: the " +
               "Azure Storage provider would move it to a blob and read it back on every replay. Pass an identifier " +
               "and let the activity read the data instead.")
    {
        What = what;
        Bytes = bytes;
        Limit = limit;
    }

    /// <summary>Which payload, in the caller's words (e.g. "input of activity ApplyStep").</summary>
    public string What { get; }

    public int Bytes { get; }

    public int Limit { get; }
}
