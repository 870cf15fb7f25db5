namespace Mnet.Core.Policy;

/// <summary>Targets the prompt_flow pack points private endpoints at.</summary>
public sealed record PolicyRulePackOptions
{
    public PromptFlowPackOptions? PromptFlow { get; init; }
}
