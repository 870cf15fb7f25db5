namespace Mnet.Core.Posture.Inputs;

/// <summary>An ARM reference to another resource: <c>{"id": "..."}</c>.</summary>
public sealed record SubResource
{
    public string? Id { get; init; }
}
