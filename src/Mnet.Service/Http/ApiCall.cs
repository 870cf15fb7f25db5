using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Mnet.Service.Http;

/// <summary>
/// One HTTP invocation as a handler sees it: the ASP.NET Core context (Functions' ConfigureFunctionsWebApplication
/// or <c>mnet serve</c>'s Kestrel), the invocation's durable client, and the route's <c>{id}</c> when it has one.
/// </summary>
public sealed record ApiCall(HttpContext Http, DurableTaskClient Durable, string? Id = null);
