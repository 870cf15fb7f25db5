using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Mnet.Service.Http;

namespace Mnet.Functions.Triggers.Http;

/// <summary>POST /api/v1/workspaces: start createWorkspace (compliant from the start).</summary>
public sealed class CreateWorkspaceFunction(MnetHttpApi api)
{
    [Function(ApiRoutes.CreateWorkspaceFunction)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Workspaces)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        api.CreateWorkspaceAsync(new ApiCall(request.HttpContext, client));
}
