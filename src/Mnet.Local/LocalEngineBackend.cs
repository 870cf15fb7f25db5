namespace Mnet.Local;

/// <summary>Which store the local engine's Durable Task backend keeps its task hub in.</summary>
public enum LocalEngineBackend
{
    /// <summary>The in-process test host's in-memory store: nothing survives the process.</summary>
    InMemory,

    /// <summary>The Azure Storage provider Durable Functions uses in Azure (a real account or Azurite).</summary>
    AzureStorage,
}
