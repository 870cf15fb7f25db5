using System.Text.Json.Nodes;

namespace Mnet.Emulator.Ml.Model;

/// <summary>An online deployment: the body as written (identity, sku, kind, properties all kept) plus state.</summary>
public sealed class DeploymentRecord(string id, string name, JsonObject body)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public JsonObject Body { get; set; } = body;

    public string ProvisioningState { get; set; } = "Creating";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ModifiedAt { get; set; }

    public string Location => Body["location"]?.GetValue<string>() ?? string.Empty;
}
