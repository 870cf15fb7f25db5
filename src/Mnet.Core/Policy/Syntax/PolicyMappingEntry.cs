namespace Mnet.Core.Policy.Syntax;

/// <summary>One key of a mapping with the position of the key itself (unknown keys point there).</summary>
/// <param name="Merged">Brought in by a merge key (<c>&lt;&lt;: *anchor</c>): not written in this mapping.</param>
internal sealed record PolicyMappingEntry(
    string Key,
    SourcePosition? KeyPosition,
    PolicyNode Value,
    bool Merged = false);
