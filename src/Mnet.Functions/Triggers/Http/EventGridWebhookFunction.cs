using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Mnet.Service.Http;

namespace Mnet.Functions.Triggers.Http;

/// <summary>
/// POST /api/v1/events: Event Grid's webhook destination (subscription validation handshake, then events as the queue
/// trigger handles them); OPTIONS: the CloudEvents abuse-protection handshake.
/// </summary>
public sealed class EventGridWebhookFunction(MnetHttpApi api)
{
    [Function(ApiRoutes.EventGridWebhookFunction)]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", "options", Route = ApiRoutes.Events)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        HttpMethods.IsOptions(request.Method)
            ? Task.FromResult(MnetHttpApi.EventGridWebhookOptions(request.HttpContext))
            : api.EventGridWebhookAsync(new ApiCall(request.HttpContext, client));
}
