namespace Mnet.Workflows;

/// <summary>
/// What activities need beyond ARM and the stores, from the app's validated configuration (activities read no
/// environment). Orchestrators never see it: what they need travels in their input.
/// </summary>
public sealed record WorkflowSettings
{
    /// <summary>
    /// The product's custom approver roles that infra pre-created, by private endpoint target type (catalog
    /// spelling) -> role definition GUID (MNET_CUSTOM_APPROVER_ROLES). Used instead of defining a role.
    /// </summary>
    public IReadOnlyDictionary<string, string>? CustomApproverRoles { get; init; }

    /// <summary>
    /// May activities define custom approver roles (roleDefinitions/write)? Only where an operator's own credentials
    /// act (the CLI) and in local runs; never in Azure, where the app is not granted that action.
    /// </summary>
    public bool AllowRoleDefinitionWrites { get; init; }

    /// <summary>The tenant the app runs in (a workspace identity from another tenant is warned about).</summary>
    public string? TenantId { get; init; }

    /// <summary>
    /// The app's own identity (its principal id): the identity that writes outbound rules and so initiates the
    /// private endpoints. Null: its permissions on private endpoint targets are read as the caller's own (ARM's
    /// permissions API answers for the calling identity).
    /// </summary>
    public string? AppPrincipalId { get; init; }
}
