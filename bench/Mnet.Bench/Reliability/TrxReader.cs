using System.Globalization;
using System.Xml.Linq;

namespace Mnet.Bench.Reliability;

/// <summary>Reads the results of a Visual Studio TRX file (what <c>dotnet test --logger trx</c> writes).</summary>
public static class TrxReader
{
    static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static IReadOnlyList<TrxResult> Read(string path)
    {
        var doc = XDocument.Load(path);
        var methods = doc.Descendants(Ns + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!,
            t => t.Element(Ns + "TestMethod") is { } m ? ((string?)m.Attribute("className") ?? "", (string?)m.Attribute("name") ?? "") : ("", ""));
        return doc.Descendants(Ns + "UnitTestResult").Select(r =>
        {
            var (cls, method) = methods.GetValueOrDefault((string)r.Attribute("testId")!, ("", ""));
            string duration = (string?)r.Attribute("duration") ?? "0:0:0";
            string stdout = r.Element(Ns + "Output")?.Element(Ns + "StdOut")?.Value ?? "";
            return new TrxResult(cls, method, (string?)r.Attribute("testName") ?? method, (string?)r.Attribute("outcome") ?? "Unknown",
                TimeSpan.Parse(duration, CultureInfo.InvariantCulture), stdout);
        }).ToList();
    }
}
