namespace Mnet.Infra.Tests.Support;

/// <summary>One line of the Bicep compiler's report: <c>file(line,col) : Level code: message</c>.</summary>
public sealed record BicepDiagnostic(string File, int Line, int Column, string Level, string Code, string Message)
{
    public bool IsErrorOrWarning => Level is "Error" or "Warning";

    public override string ToString() => $"{File}({Line},{Column}) : {Level} {Code}: {Message}";
}
