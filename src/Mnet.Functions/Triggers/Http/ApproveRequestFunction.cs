using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Mnet.Service.Http;

namespace Mnet.Functions.Triggers.Http;

/// <summary>POST /api/v1/requests/{id}/approve: a person approves the plan a waiting request asks about.</summary>
public sealed class ApproveRequestFunction(MnetHttpApi api)
{
    [Function(ApiRoutes.ApproveRequestFunction)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Approve)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        api.ApproveAsync(new ApiCall(request.HttpContext, client, id));
}
