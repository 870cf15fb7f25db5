using System.Text.Json.Nodes;

namespace Mnet.Emulator.Ml.Model;

/// <summary>An online endpoint: the body as written plus state; its deployments in creation order.</summary>
public sealed class EndpointRecord(string id, string name, JsonObject body)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public JsonObject Body { get; set; } = body;

    public string ProvisioningState { get; set; } = "Creating";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ModifiedAt { get; set; }

    public OrderedDictionary<string, DeploymentRecord> Deployments { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string Location => Body["location"]?.GetValue<string>() ?? string.Empty;
}
