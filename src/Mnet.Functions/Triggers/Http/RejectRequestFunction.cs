using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Mnet.Service.Http;

namespace Mnet.Functions.Triggers.Http;

/// <summary>POST /api/v1/requests/{id}/reject: a person rejects (or its requester withdraws) a waiting request.</summary>
public sealed class RejectRequestFunction(MnetHttpApi api)
{
    [Function(ApiRoutes.RejectRequestFunction)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Reject)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        api.RejectAsync(new ApiCall(request.HttpContext, client, id));
}
