using Mnet.Core.Resources;

namespace Mnet.Core.Posture;

/// <summary>How the readiness list is worked out.</summary>
public sealed record PostureOptions
{
    /// <summary>The managed mode the workspace would move to (decides which private endpoints become Required rules).</summary>
    public IsolationMode TargetIsolationMode { get; init; } = IsolationMode.AllowOnlyApprovedOutbound;
}
