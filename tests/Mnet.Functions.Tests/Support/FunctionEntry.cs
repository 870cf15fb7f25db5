using System.Text.Json;

namespace Mnet.Functions.Tests.Support;

/// <summary>One function of functions.metadata: its name and bindings.</summary>
internal sealed record FunctionEntry(string Name, IReadOnlyList<FunctionBinding> Bindings)
{
    public FunctionBinding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    public bool HasDurableClient => Bindings.Any(b => b.Type == "durableClient");

    public static FunctionEntry From(JsonElement element) => new(
        element.GetProperty("name").GetString()!,
        element.GetProperty("bindings").EnumerateArray().Select(FunctionBinding.From).ToList());
}
