namespace Mnet.Workflows.CrashHost;

/// <summary>What the crash host does about an instance that waits for an approval.</summary>
public enum CrashHostApproval
{
    /// <summary>Nothing: the instance is not watched (a migration in automatic mode never asks).</summary>
    None,

    /// <summary>Writes <see cref="CrashHostProtocol.WaitingForApproval"/> once the instance waits; the test decides.</summary>
    Announce,

    /// <summary>Announces the wait, then approves.</summary>
    Approve,
}
