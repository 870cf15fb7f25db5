using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Mnet.Core.Resources;

namespace Mnet.Workflows.Durable;

/// <summary>
/// How workflow payloads (inputs, outputs, events, custom status) are written: ARM's JSON conventions (camelCase,
/// nulls left out, enums as strings), so plans, policies and ARM shapes travel exactly as Mnet.Core writes them.
/// The worker and the client use <see cref="Converter"/>; <see cref="DurableLimits"/> measures with it.
/// </summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = new(ArmJson.Options);

    public static DataConverter Converter { get; } = new JsonDataConverter(Options);
}
