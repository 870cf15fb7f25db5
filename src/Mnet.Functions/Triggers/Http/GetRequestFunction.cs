using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Mnet.Service.Http;

namespace Mnet.Functions.Triggers.Http;

/// <summary>GET /api/v1/requests/{id}: the request's state, plan, outcomes and approval question.</summary>
public sealed class GetRequestFunction(MnetHttpApi api)
{
    [Function(ApiRoutes.GetRequestFunction)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Request)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        api.GetRequestAsync(new ApiCall(request.HttpContext, client, id));
}
