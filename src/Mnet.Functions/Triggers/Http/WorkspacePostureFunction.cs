using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Mnet.Service.Http;

namespace Mnet.Functions.Triggers.Http;

/// <summary>GET /api/v1/workspaces/{id}/posture: the posture audit of a workspace without a managed network.</summary>
public sealed class WorkspacePostureFunction(MnetHttpApi api)
{
    [Function(ApiRoutes.WorkspacePostureFunction)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.WorkspacePosture)] HttpRequest request,
        string id) =>
        api.WorkspacePostureAsync(new ApiCall(request.HttpContext, NoDurableClient.Instance, id));
}
