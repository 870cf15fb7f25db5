namespace Mnet.Workflows.Migration.Phases;

/// <param name="Ok">Computes may be created now.</param>
/// <param name="InsideManagedNetwork">The managed network is on: computes are recreated inside it (no customer subnet).</param>
/// <param name="Provisioned">This call provisioned it.</param>
public sealed record NetworkReadiness(bool Ok, bool InsideManagedNetwork, string Detail, bool Provisioned);
