namespace Mnet.Core.Catalog;

/// <summary>A built-in Azure role: its display name and role definition GUID.</summary>
public sealed record BuiltInRole(string Name, string RoleDefinitionGuid);
