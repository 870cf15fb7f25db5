using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Mnet.Service.Http;

namespace Mnet.Functions.Triggers.Http;

/// <summary>POST /api/v1/migrations/{id}/resume: recreate what a failed migration left missing, from its snapshots.</summary>
public sealed class ResumeMigrationFunction(MnetHttpApi api)
{
    [Function(ApiRoutes.ResumeMigrationFunction)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ResumeMigration)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        api.ResumeMigrationAsync(new ApiCall(request.HttpContext, client, id));
}
