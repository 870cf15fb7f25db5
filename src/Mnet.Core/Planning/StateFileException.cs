namespace Mnet.Core.Planning;

/// <summary>A workspace state text that cannot be used; the message names the source and what is wrong where.</summary>
public sealed class StateFileException : Exception
{
    public StateFileException(string stateSource, string detail)
        : base($"{stateSource}: {detail}")
    {
        StateSource = stateSource;
        Detail = detail;
    }

    /// <summary>The file name (or other label) the state came from.</summary>
    public string StateSource { get; }

    /// <summary>The message without the source.</summary>
    public string Detail { get; }
}
