namespace Mnet.Emulator.Scenarios;

/// <summary>Shared dependencies of the demo scenario (rg-ml-shared) that private endpoint rules target.</summary>
public static class DemoShared
{
    private const string Rg = $"/subscriptions/{DemoScenario.Subscription1}/resourceGroups/rg-ml-shared/providers";

    public const string Storage = $"{Rg}/Microsoft.Storage/storageAccounts/stcontososhared";
    public const string Search = $"{Rg}/Microsoft.Search/searchServices/srch-contoso";
    public const string AiServices = $"{Rg}/Microsoft.CognitiveServices/accounts/ais-contoso";
    public const string DataFactory = $"{Rg}/Microsoft.DataFactory/factories/adf-contoso";
    public const string UserAssignedIdentity = $"{Rg}/Microsoft.ManagedIdentity/userAssignedIdentities/id-ml-shared";
}
