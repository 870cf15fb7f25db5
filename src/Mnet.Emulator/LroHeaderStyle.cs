namespace Mnet.Emulator;

/// <summary>Which poll headers long-running operations answer with (so both client paths can be exercised).</summary>
public enum LroHeaderStyle
{
    /// <summary>As the 2025-09-01 spec declares per operation: workspace PUT/PATCH/DELETE, outbound rule PUT/DELETE
    /// and provisionManagedNetwork send Location (+ Retry-After); computes, endpoints and deployments send
    /// Azure-AsyncOperation.</summary>
    Spec,

    /// <summary>Every LRO sends Azure-AsyncOperation only.</summary>
    AzureAsyncOperation,

    /// <summary>Every LRO sends Location only.</summary>
    Location,

    /// <summary>Every LRO sends both (the TypeScript emulator's behaviour).</summary>
    Both,
}
