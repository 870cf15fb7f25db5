using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Mnet.Service.Http;

namespace Mnet.Functions.Triggers.Http;

/// <summary>GET /api/v1/drift: the latest drift report.</summary>
public sealed class DriftFunction(MnetHttpApi api)
{
    [Function(ApiRoutes.DriftFunction)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Drift)] HttpRequest request) =>
        api.DriftAsync(new ApiCall(request.HttpContext, NoDurableClient.Instance));
}
