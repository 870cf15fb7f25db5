namespace Mnet.Service.Ports;

/// <summary>
/// The app's policy (MNET_POLICY_PATH) and the operator's named policies (MNET_POLICY_DIR). Inline policies are not
/// a source: the service validates them itself and accepts them only where nothing is written (/plan, dry runs).
/// </summary>
public interface IPolicySource
{
    /// <summary>The policy the app enforces; throws <see cref="PolicyUnavailableException"/> when it cannot be loaded.</summary>
    Task<Core.Policy.Policy> GetAppPolicyAsync(CancellationToken cancellationToken = default);

    /// <summary>A named policy; problems (bad name, unknown, invalid file) are paths under <c>policy</c>.</summary>
    Task<PolicyResolution> ResolveNamedAsync(string name, CancellationToken cancellationToken = default);
}
