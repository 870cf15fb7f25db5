namespace Mnet.Core.Planning;

/// <summary>A managed online endpoint the migration recreates, with its deployments' names.</summary>
public sealed record EndpointToMigrate(string Name, IReadOnlyList<string> Deployments)
{
    public string? Id { get; init; }
}
