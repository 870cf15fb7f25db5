namespace Mnet.Emulator.Faults;

/// <summary>Answer with this 4xx/5xx ARM error (429 and 503 usually with Retry-After).</summary>
public sealed record StatusFault(int Status, string? Code = null, string? Message = null, int? RetryAfterSeconds = null)
    : Fault
{
    public override string Kind => "status";
}
