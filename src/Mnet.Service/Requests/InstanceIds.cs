using Mnet.Service.Bodies;
using Mnet.Service.Errors;
using Mnet.Workflows.Durable;

namespace Mnet.Service.Requests;

/// <summary>Route ids are only looked up when they have the shape this app mints (no paths, no encodings).</summary>
public static class InstanceIds
{
    public static string Check(string? id) =>
        id is not null && WorkflowInstanceIds.IsMnetInstanceId(id) ? id : throw ServiceException.Invalid([Problem], Detail);

    /// <summary>The problem of a malformed id (null when well formed), to merge with a body's problems.</summary>
    public static FieldProblem? ProblemOf(string? id) =>
        id is not null && WorkflowInstanceIds.IsMnetInstanceId(id) ? null : Problem;

    public static ServiceException NotFound(string instanceId) =>
        new(ServiceErrorKind.NotFound, "Request not found", $"There is no request with id {instanceId}.");

    const string Detail = "The request id is not one this API issues (expected mnet-{purpose}-{hex}).";

    static readonly FieldProblem Problem = new("id", "is not a request id issued by this API", BodyRules.InstanceId);
}
