using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Mnet.Service.Http;

namespace Mnet.Functions.Triggers.Http;

/// <summary>POST /api/v1/plan: the plan only; nothing is started or recorded.</summary>
public sealed class PlanFunction(MnetHttpApi api)
{
    [Function(ApiRoutes.PlanFunction)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Plan)] HttpRequest request) =>
        api.PlanAsync(new ApiCall(request.HttpContext, NoDurableClient.Instance));
}
