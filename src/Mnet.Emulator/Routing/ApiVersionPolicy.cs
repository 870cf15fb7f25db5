using System.Text.RegularExpressions;

namespace Mnet.Emulator.Routing;

/// <summary>
/// Which api-version a route accepts: a list, any dated version (dependency resources, whose versions vary per
/// type), or optional (poll URLs are followed as given).
/// </summary>
public sealed partial record ApiVersionPolicy
{
    private ApiVersionPolicy(IReadOnlyList<string> versions, bool dated, bool optional)
    {
        Versions = versions;
        Dated = dated;
        Optional = optional;
    }

    public IReadOnlyList<string> Versions { get; }

    public bool Dated { get; }

    public bool Optional { get; }

    public static ApiVersionPolicy Exactly(params string[] versions) => new(versions, false, false);

    public static ApiVersionPolicy AnyDated { get; } = new([], true, false);

    public static ApiVersionPolicy NotRequired { get; } = new([], false, true);

    public bool Accepts(string version) =>
        Optional || (Dated ? DatedVersion().IsMatch(version) : Versions.Contains(version, StringComparer.Ordinal));

    /// <summary>How the 400 InvalidApiVersionParameter names what is supported.</summary>
    public string Describe() =>
        Dated ? "a dated api-version (YYYY-MM-DD)" : $"'{string.Join("', '", Versions)}'";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview|-beta|-alpha)?$")]
    private static partial Regex DatedVersion();
}
