using Microsoft.AspNetCore.Http;

namespace Mnet.Service.Http;

/// <summary>
/// URLs of THIS API for a request (status, approve, reject), built from the incoming request's scheme, host and path
/// prefix; never from Durable's management URLs (they embed the system key) and never with the query string (it may
/// carry the caller's function key).
/// </summary>
public sealed record RequestLinks(string Status, string Approve, string Reject)
{
    public static RequestLinks For(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        string path = request.PathBase.Add(request.Path).Value ?? "";
        int marker = path.IndexOf("/v1/", StringComparison.Ordinal);
        string prefix = marker >= 0 ? path[..marker] : "/api";
        string status = $"{request.Scheme}://{request.Host.Value}{prefix}/v1/requests/{Uri.EscapeDataString(instanceId)}";
        return new RequestLinks(status, status + "/approve", status + "/reject");
    }
}
