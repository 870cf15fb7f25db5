namespace Mnet.Core.Planning;

/// <param name="Scope">The private endpoint target: the role is assigned at its scope.</param>
public sealed record ApproverAssignment(string Scope, string TargetResourceType, string PrincipalId, ApproverRole Role);
