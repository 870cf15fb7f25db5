using System.Text.Json.Nodes;
using Mnet.Core.Policy;

namespace Mnet.Core.Tests.Policy;

/// <summary>A test input: policy text (loaded as <c>case.yaml</c>) or an inline JSON policy.</summary>
internal sealed record PolicyInput(string? Text, JsonNode? Json)
{
    public static PolicyInput FromText(string text) => new(text, null);

    public static implicit operator PolicyInput(JsonObject json) => new(null, json);

    public PolicyLoadResult Run() =>
        Text is not null ? PolicyLoader.Load(Text, "case.yaml") : PolicyLoader.Validate(Json);
}
