namespace Mnet.Core.Posture.Inputs;

/// <summary>An Azure Monitor Private Link Scope's access modes: Open or PrivateOnly.</summary>
public sealed record AccessModeSettings
{
    public string? QueryAccessMode { get; init; }
    public string? IngestionAccessMode { get; init; }
}
