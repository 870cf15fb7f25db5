namespace Mnet.Core.Policy;

/// <summary>Targets the prompt_flow pack points private endpoints at.</summary>
public sealed record PolicyRulePackOptions
{
    public PromptFlowPackOptions? PromptFlow { get; init; }

    /// <summary>
    /// The resource id written under <c>rule_pack_options.&lt;pack&gt;.&lt;optionKey&gt;</c> (the keys the catalog's
    /// pack rules name); null when it is not set or empty.
    /// </summary>
    public string? Target(string pack, string optionKey)
    {
        var id = (pack, optionKey) switch
        {
            ("prompt_flow", "ai_services_resource_id") => PromptFlow?.AiServicesResourceId,
            ("prompt_flow", "ai_search_resource_id") => PromptFlow?.AiSearchResourceId,
            _ => null,
        };
        return string.IsNullOrEmpty(id) ? null : id;
    }
}
