namespace Mnet.Core.Catalog;

/// <summary>
/// Private endpoint approval (not automatic since 30 April 2025): the workspace identity needs the approver role, or a
/// scoped custom role for uncovered types, on every private-endpoint target that is not a default resource.
/// Source: facts page "Approval of private endpoints"; arm-contract.md "Role assignments".
/// </summary>
public static class ApproverRoles
{
    /// <summary>The built-in "Azure AI Enterprise Network Connection Approver".</summary>
    public static BuiltInRole BuiltIn { get; } =
        new("Azure AI Enterprise Network Connection Approver", "b556d68e-0be0-4f35-a333-ad7ee1ce17ea");

    /// <summary>The approval action whose presence in a role lets the identity approve connections on a type.</summary>
    public static string ApprovalAction(string resourceType) => $"{resourceType}/privateEndpointConnectionsApproval/action";

    /// <summary>The actions of the custom, scoped-down role the product creates for a type the built-in role does not cover.</summary>
    public static IReadOnlyList<string> CustomApproverRoleActions(string resourceType) =>
    [
        $"{resourceType}/read",
        ApprovalAction(resourceType),
        $"{resourceType}/privateEndpointConnections/read",
        $"{resourceType}/privateEndpointConnections/write",
        $"{resourceType}/privateLinkResources/read",
    ];

    /// <summary>Display name of the product's custom approver role for a type.</summary>
    public static string CustomApproverRoleName(string resourceType) =>
        $"mnet-autopilot private endpoint approver ({resourceType})";

    /// <summary>The deploying identity needs these on the workspace to deploy the managed network.</summary>
    public static IReadOnlyList<string> DeployerRequiredActions { get; } =
    [
        "Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/read",
        "Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/write",
    ];
}
