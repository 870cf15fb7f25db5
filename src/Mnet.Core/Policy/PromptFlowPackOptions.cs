namespace Mnet.Core.Policy;

public sealed record PromptFlowPackOptions
{
    public string? AiServicesResourceId { get; init; }
    public string? AiSearchResourceId { get; init; }
}
