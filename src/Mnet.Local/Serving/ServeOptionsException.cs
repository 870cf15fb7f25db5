namespace Mnet.Local.Serving;

/// <summary>An option of <c>mnet serve</c> is invalid; the message names it (as its command-line flag).</summary>
public sealed class ServeOptionsException(string option, string problem) : Exception($"--{option} {problem}")
{
    public string Option { get; } = option;
}
