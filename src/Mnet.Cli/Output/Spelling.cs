using System.Text.Json;
using Mnet.Workflows.Durable;

namespace Mnet.Cli.Output;

/// <summary>An enum as the JSON and the orchestrations spell it (<c>dry-run</c>, <c>nothing-to-migrate</c>).</summary>
public static class Spelling
{
    public static string Of<T>(T value) where T : struct, Enum =>
        JsonSerializer.Serialize(value, WorkflowJson.Options).Trim('"');
}
