namespace Mnet.Emulator.Scenarios;

/// <summary>The demo scenario's workspace ids, by role in the story (docs, examples and scripts name them).</summary>
public static class DemoWorkspaces
{
    private const string S1 = DemoScenario.Subscription1;
    private const string S2 = DemoScenario.Subscription2;
    private const string Ml = "providers/Microsoft.MachineLearningServices/workspaces";

    public const string LegacyDisabled = $"/subscriptions/{S1}/resourceGroups/rg-ml-prod/{Ml}/ws-legacy";
    public const string InternetOutbound = $"/subscriptions/{S1}/resourceGroups/rg-ml-prod/{Ml}/ws-internet";
    public const string ApprovedCompliant = $"/subscriptions/{S1}/resourceGroups/rg-ml-prod/{Ml}/ws-approved";
    public const string ApprovedMissingRole = $"/subscriptions/{S1}/resourceGroups/rg-ml-prod/{Ml}/ws-missing-approver";
    public const string Hub = $"/subscriptions/{S1}/resourceGroups/rg-ai-hub/{Ml}/hub-contoso";
    public const string Project = $"/subscriptions/{S1}/resourceGroups/rg-ai-hub/{Ml}/proj-chat";
    public const string Locked = $"/subscriptions/{S1}/resourceGroups/rg-ml-locked/{Ml}/ws-locked";
    public const string ResearchDisabled = $"/subscriptions/{S2}/resourceGroups/rg-research/{Ml}/ws-research";
    public const string ResearchInternetUnprovisioned = $"/subscriptions/{S2}/resourceGroups/rg-research/{Ml}/ws-research-net";
    public const string CustomVnet = $"/subscriptions/{S1}/resourceGroups/rg-ml-vnet/{Ml}/ws-custom-vnet";
}
