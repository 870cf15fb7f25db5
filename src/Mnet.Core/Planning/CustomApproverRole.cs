namespace Mnet.Core.Planning;

/// <summary>The product's scoped-down custom role for a target type the built-in role does not cover.</summary>
public sealed record CustomApproverRole(string Name, IReadOnlyList<string> Actions) : ApproverRole(Name);
