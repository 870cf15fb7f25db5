namespace Mnet.Emulator.ResourceManager;

/// <summary>The regions the emulator reports in a provider's <c>resourceTypes[].locations</c> (ARM's display names).</summary>
public static class AzureRegions
{
    public static IReadOnlyList<string> DisplayNames { get; } =
    [
        "East US", "East US 2", "West US", "West US 2", "West US 3", "Central US", "North Central US",
        "South Central US", "West Central US", "Canada Central", "Brazil South", "North Europe", "West Europe",
        "UK South", "France Central", "Germany West Central", "Sweden Central", "Switzerland North", "Norway East",
        "Japan East", "Korea Central", "Australia East", "Southeast Asia", "East Asia", "Central India",
        "South Africa North", "UAE North",
    ];
}
