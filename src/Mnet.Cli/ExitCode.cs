namespace Mnet.Cli;

/// <summary>
/// Exit codes of <c>mnet</c>. Scripts and CI depend on them: never renumber. README.md lists them too (a test keeps
/// both in step).
/// </summary>
public static class ExitCode
{
    /// <summary>Success: policy valid, plan computed, no drift, applied / migrated / compliant, dry run.</summary>
    public const int Ok = 0;

    /// <summary>A negative verdict: policy invalid, drift found, plan refused, out of scope, declined, rejected.</summary>
    public const int Failed = 1;

    /// <summary>The command cannot run as asked: unknown command/flag, missing argument, unreadable input file.</summary>
    public const int Usage = 2;

    /// <summary>Something failed while running: ARM call, sign-in, network, emulator not reachable, a failed step.</summary>
    public const int Runtime = 3;
}
