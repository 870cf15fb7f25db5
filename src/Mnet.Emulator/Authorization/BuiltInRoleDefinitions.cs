using System.Text.Json.Nodes;
using Mnet.Core.Catalog;
using Mnet.Emulator.Ml;

namespace Mnet.Emulator.Authorization;

/// <summary>
/// The built-in role definitions the emulator knows, in ARM's JSON. The approver role's GUID, name and covered
/// types come from the catalog; its actions are the documented per-type pattern for each covered type. The other
/// roles are Azure's well-known built-ins (their GUIDs are the same in every tenant).
/// </summary>
public static class BuiltInRoleDefinitions
{
    public const string OwnerGuid = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    public const string ContributorGuid = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    public const string ReaderGuid = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    public const string UserAccessAdministratorGuid = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
    public const string NetworkContributorGuid = "4d97b98b-1d4f-4787-a291-c67834d212e7";
    public const string StorageBlobDataContributorGuid = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    private static readonly DateTimeOffset CreatedOn = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset UpdatedOn = new(2025, 4, 30, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<JsonObject> All()
    {
        var approverActions = PrivateEndpointTargets.All
            .Where(t => t.ApproverRoleCovers)
            .SelectMany(t => ApproverRoles.CustomApproverRoleActions(t.ResourceType))
            .ToArray();
        return
        [
            Role(OwnerGuid, "Owner",
                "Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.", ["*"]),
            Role(ContributorGuid, "Contributor",
                "Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.",
                ["*"],
                ["Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write",
                    "Microsoft.Authorization/elevateAccess/Action"]),
            Role(ReaderGuid, "Reader", "View all resources, but does not allow you to make any changes.", ["*/read"]),
            Role(UserAccessAdministratorGuid, "User Access Administrator", "Lets you manage user access to Azure resources.",
                ["*/read", "Microsoft.Authorization/*"]),
            Role(NetworkContributorGuid, "Network Contributor", "Lets you manage networks, but not access to them.",
                ["Microsoft.Network/*", "Microsoft.Resources/subscriptions/resourceGroups/read"]),
            Role(StorageBlobDataContributorGuid, "Storage Blob Data Contributor",
                "Allows for read, write and delete access to Azure Storage blob containers and data.",
                ["Microsoft.Storage/storageAccounts/blobServices/containers/*"], [],
                ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*"]),
            Role(ApproverRoles.BuiltIn.RoleDefinitionGuid, ApproverRoles.BuiltIn.Name,
                "Can approve private endpoint connections to the Azure resources its managed network reaches.",
                approverActions),
        ];
    }

    private static JsonObject Role(string guid, string roleName, string description, string[] actions,
        string[]? notActions = null, string[]? dataActions = null) => new()
    {
        ["id"] = RoleDefinitionStore.CanonicalId(guid),
        ["name"] = guid,
        ["type"] = RoleDefinitionStore.Type,
        ["properties"] = new JsonObject
        {
            ["roleName"] = roleName,
            ["description"] = description,
            ["type"] = "BuiltInRole",
            ["permissions"] = new JsonArray(new JsonObject
            {
                ["actions"] = Array(actions),
                ["notActions"] = Array(notActions ?? []),
                ["dataActions"] = Array(dataActions ?? []),
                ["notDataActions"] = new JsonArray(),
            }),
            ["assignableScopes"] = new JsonArray("/"),
            ["createdOn"] = MlRequests.Iso(CreatedOn),
            ["updatedOn"] = MlRequests.Iso(UpdatedOn),
        },
    };

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
