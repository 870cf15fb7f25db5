namespace Mnet.Infra.Tests.Support;

/// <summary>What a run of the Bicep compiler reported.</summary>
public sealed record BicepResult(int ExitCode, IReadOnlyList<BicepDiagnostic> Diagnostics, string Output)
{
    /// <summary>Errors and warnings (informational diagnostics are not counted).</summary>
    public IReadOnlyList<BicepDiagnostic> Problems => Diagnostics.Where(d => d.IsErrorOrWarning).Distinct().ToList();
}
