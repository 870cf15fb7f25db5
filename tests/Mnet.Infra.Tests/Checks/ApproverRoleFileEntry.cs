namespace Mnet.Infra.Tests.Checks;

/// <summary>One role of infra/custom-approver-roles.json as read (string actions, and how many items the array had).</summary>
public sealed record ApproverRoleFileEntry(string ResourceType, string? RoleName, IReadOnlyList<string>? Actions, int RawActionCount);
