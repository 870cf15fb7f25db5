namespace Mnet.Cli.Parsing;

/// <summary>One option of a command, as help shows it.</summary>
/// <param name="Name">Long name without dashes, e.g. <c>policy</c>.</param>
/// <param name="Value">Name of the value in help (<c>--policy &lt;file&gt;</c>); null for a boolean flag.</param>
public sealed record OptionSpec(string Name, string Description, string? Value = null, char? Short = null)
{
    /// <summary><c>--policy &lt;file&gt;</c> or <c>-v, --verbose</c>.</summary>
    public string Synopsis
    {
        get
        {
            var longForm = Value is null ? $"--{Name}" : $"--{Name} <{Value}>";
            return Short is null ? longForm : $"-{Short}, {longForm}";
        }
    }
}
