namespace Mnet.Core.Tests.Policy;

/// <summary>
/// One malformed policy of <see cref="MalformedPolicyCorpus"/>: its text and the problem it must be refused with.
/// </summary>
/// <param name="Rule">The rule id the problem must carry.</param>
/// <param name="Path">A substring of the problem's path ("" for document-level problems).</param>
/// <param name="Needle">A substring (any case) of the formatted problem line: the offending key, value or constraint.</param>
/// <param name="Line">The problem's line, where the case pins it (the YAML layer's cases).</param>
internal sealed record MalformedPolicyCase(string Name, string Text, string Rule, string Path, string Needle, int? Line = null)
{
    public override string ToString() => Name;
}
