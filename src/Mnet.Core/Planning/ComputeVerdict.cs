namespace Mnet.Core.Planning;

/// <summary>What enabling the managed network means for one compute.</summary>
internal enum ComputeVerdict
{
    /// <summary>A managed compute: deleted and recreated inside the managed network.</summary>
    Migrate,
    /// <summary>Not supported in a managed network at all.</summary>
    Unsupported,
    /// <summary>Attached from another service: nothing of it lives in the managed network.</summary>
    Untouched,
}
