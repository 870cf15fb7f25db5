using Microsoft.AspNetCore.Http;

namespace Mnet.Service.Http;

/// <summary>
/// One row of the route table: the Functions function name, the HTTP method, the route template as the Functions
/// trigger declares it (host.json routePrefix <c>api</c> puts it under <c>/api/</c>), and the handler.
/// </summary>
/// <param name="Template">e.g. <c>v1/requests/{id}/approve</c>.</param>
/// <param name="NeedsDurableClient">False for handlers that never touch Durable (plan, drift): no client binding.</param>
public sealed record ApiRoute(
    string FunctionName, string Method, string Template, bool NeedsDurableClient, Func<ApiCall, Task<IResult>> Handle)
{
    /// <summary>The request path template as served: <c>/api/</c> + <see cref="Template"/>.</summary>
    public string Path => "/api/" + Template;
}
