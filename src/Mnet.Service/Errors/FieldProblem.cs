namespace Mnet.Service.Errors;

/// <summary>One problem of a request: where (e.g. <c>workspaceId</c>, <c>policy.managed_network</c>), what, which rule.</summary>
/// <param name="Rule">Stable rule id (docs/api.md lists them), e.g. <c>required</c> or <c>resource-type</c>.</param>
public sealed record FieldProblem(string Path, string Message, string? Rule = null);
