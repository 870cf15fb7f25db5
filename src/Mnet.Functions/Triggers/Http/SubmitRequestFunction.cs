using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Mnet.Service.Http;

namespace Mnet.Functions.Triggers.Http;

/// <summary>POST /api/v1/requests: plan and start onboardWorkspace for one workspace.</summary>
public sealed class SubmitRequestFunction(MnetHttpApi api)
{
    [Function(ApiRoutes.SubmitRequestFunction)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Requests)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        api.SubmitRequestAsync(new ApiCall(request.HttpContext, client));
}
