namespace Mnet.Service.Bodies;

/// <summary>
/// Characters never legitimate in the API's fields: control characters (they forge log lines and hide text) and the
/// Unicode bidirectional controls (they make a name display as something else: "Trojan Source").
/// </summary>
internal static class TextSafety
{
    public static bool HasControl(string value, bool multiline)
    {
        foreach (char c in value)
        {
            if (c is '\n' or '\t' or '\r' && multiline) continue;
            if (c < 0x20 || c == 0x7f || c is '\u2028' or '\u2029') return true;
        }

        return false;
    }

    /// <summary>LRM, RLM, ALM and the embedding, override and isolate controls.</summary>
    public static bool HasBidiControl(string value)
    {
        foreach (char c in value)
        {
            if (c is '\u200e' or '\u200f' or '\u061c' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069')) return true;
        }

        return false;
    }
}
