using System.Text.Json;

namespace Mnet.Arm.Operations;

/// <summary>One page of a Resource Graph answer, as the client reads it.</summary>
internal sealed record ResourceGraphPage(IReadOnlyList<JsonElement> Data, bool ResultTruncated, string? SkipToken);
