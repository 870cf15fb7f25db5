using System.Text;

namespace Mnet.Emulator.Tests.Support;

/// <summary>A TextWriter a test can wait on for lines written from another task.</summary>
public sealed class LineWriter : StringWriter
{
    private readonly object gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (gate)
        {
            base.Write(value);
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        lock (gate)
        {
            base.Write(value + NewLine);
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<string>> WaitForLines(int count)
    {
        for (var i = 0; i < 600; i++)
        {
            string[] lines;
            lock (gate)
            {
                lines = ToString().Split(NewLine, StringSplitOptions.RemoveEmptyEntries);
            }

            if (lines.Length >= count)
            {
                return lines;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"expected {count} lines, got: {ToString()}");
    }
}
