using Mnet.Service.Errors;

namespace Mnet.Service.Ports;

/// <summary>A resolved policy, or the problems that refuse it (paths under <c>policy</c>).</summary>
public sealed record PolicyResolution(Core.Policy.Policy? Policy, IReadOnlyList<FieldProblem> Problems)
{
    public bool Ok => Policy is not null && Problems.Count == 0;

    public static PolicyResolution Of(Core.Policy.Policy policy) => new(policy, []);

    public static PolicyResolution Refused(params FieldProblem[] problems) => new(null, problems);
}
