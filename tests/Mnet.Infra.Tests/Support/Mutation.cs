namespace Mnet.Infra.Tests.Support;

/// <summary>Deliberately broken copies of real text: each check must notice them.</summary>
public static class Mutation
{
    /// <summary>The text without the first line that contains <paramref name="needle"/>.</summary>
    public static string WithoutLine(string text, string needle)
    {
        var lines = text.Split('\n').ToList();
        var i = lines.FindIndex(l => l.Contains(needle, StringComparison.Ordinal));
        Assert.True(i >= 0, $"fixture: no line contains {needle}");
        lines.RemoveAt(i);
        return string.Join('\n', lines);
    }

    /// <summary>The text with the first <paramref name="from"/> replaced; fails when the text lacks it.</summary>
    public static string ReplaceOnce(string text, string from, string to)
    {
        var i = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(i >= 0, $"fixture: text lacks {from}");
        return string.Concat(text.AsSpan(0, i), to, text.AsSpan(i + from.Length));
    }

    /// <summary>A copy of infra/ in a temporary folder with one file replaced, for the compiler; deleted on dispose.</summary>
    public static TempInfra CopyWith(string relativePath, Func<string, string> change) => TempInfra.Create(relativePath, change);
}
