using Mnet.Workflows.Contracts;

namespace Mnet.Cli.Commands;

/// <summary>Who runs the CLI, as orchestrations record it, and the approval their confirmation stands for.</summary>
public static class CliIdentity
{
    /// <summary><c>cli:alice</c> (USER, else USERNAME).</summary>
    public static string User(CliIo io)
    {
        ArgumentNullException.ThrowIfNull(io);
        var name = io.Env("USER") ?? io.Env("USERNAME");
        return $"cli:{(string.IsNullOrWhiteSpace(name) ? "unknown" : name)}";
    }

    public static RequestMetadata Request(CliIo io) => new(TriggerSource.Cli, RequestedBy: User(io));

    /// <summary>The person confirmed the whole plan (at the prompt or with --yes): the CLI answers approvals for them.</summary>
    public static ApprovalDecision Approval(CliIo io, bool yesFlag) => new(
        true,
        User(io),
        $"confirmed with mnet ({(yesFlag ? "--yes" : "prompt")})",
        yesFlag ? "cli-yes-flag" : "cli-prompt");
}
