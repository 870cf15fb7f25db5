namespace Mnet.Local;

/// <summary>
/// A <see cref="LocalEngineOptions"/> value the engine cannot start with; the message names the option.
/// </summary>
public sealed class LocalEngineOptionsException : ArgumentException
{
    public LocalEngineOptionsException(string option, string problem)
        : base($"LocalEngineOptions.{option}: {problem}", option)
    {
        Option = option;
    }

    /// <summary>The name of the offending option.</summary>
    public string Option { get; }
}
