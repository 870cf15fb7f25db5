using Mnet.Arm.Errors;
using Mnet.Arm.Lro;

namespace Mnet.Workflows.Activities.Operations;

/// <summary>One poll's answer. The final body is not returned: it can be large, and callers re-read what they need.</summary>
/// <param name="Handle">The handle for the next poll (its URL or Retry-After may change).</param>
public sealed record PollOperationOutput(LroStatus Status, ArmErrorDetails? Error, LroHandle Handle);
