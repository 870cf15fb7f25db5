using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.Creation;

/// <summary>A given dependency must exist; a missing default one is created with its safe settings. Read first: idempotent.</summary>
public sealed class EnsureDependencyResourceActivity(IArmClient arm, ILogger<EnsureDependencyResourceActivity> log) : IWorkflowActivity<DependencyPlan, EnsuredDependency>
{
    public async Task<EnsuredDependency> RunAsync(DependencyPlan input)
    {
        var existing = await arm.GetDependencyAsync(input.Kind, input.ResourceId).NotFoundAsNullAsync();
        if (existing is not null) return new EnsuredDependency(input.ResourceId, false);
        if (input.Given || input.Body is null)
        {
            throw new InvalidOperationException($"[DependencyNotFound] the {input.Kind} given in the request does not exist: {input.ResourceId}");
        }

        await arm.PutDependencyAsync(input.Kind, input.ResourceId, input.Body);
        log.LogInformation("{Kind} created: {ResourceId}", input.Kind, input.ResourceId);
        return new EnsuredDependency(input.ResourceId, true);
    }
}
