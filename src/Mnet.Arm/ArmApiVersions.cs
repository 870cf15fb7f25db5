namespace Mnet.Arm;

/// <summary>
/// The api-versions the product speaks, one constant per provider (shared/reference/arm-contract.md). The emulator
/// reads the same constants, so a version changes in one place.
/// </summary>
public static class ArmApiVersions
{
    /// <summary>Microsoft.MachineLearningServices: the stable version that has the managed network.</summary>
    public const string MachineLearning = "2025-09-01";
    public const string Authorization = "2022-04-01";
    public const string ResourceGraph = "2022-10-01";
    /// <summary>Microsoft.Resources: resource groups.</summary>
    public const string Resources = "2021-04-01";
    /// <summary>Microsoft.Resources subscriptions (GET /subscriptions[/{id}]), whose versions differ from resource groups'.</summary>
    public const string Subscriptions = "2022-12-01";
    public const string Locks = "2016-09-01";
    public const string Providers = "2021-04-01";
}
