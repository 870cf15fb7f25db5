using Azure.Core;
using Azure.Identity;

namespace Mnet.Arm.Credentials;

/// <summary>
/// The credential for Azure: the app's managed identity in Azure (user-assigned when a client id is given), otherwise
/// DefaultAzureCredential (environment, Azure CLI, ...). The emulator uses <see cref="StaticTokenCredential"/>.
/// </summary>
public static class ArmCredentials
{
    /// <summary>True inside App Service / Functions, where the managed identity endpoint is published.</summary>
    public static bool RunsInAzure(IReadOnlyDictionary<string, string?> environment) =>
        !string.IsNullOrEmpty(Lookup(environment, "IDENTITY_ENDPOINT")) ||
        !string.IsNullOrEmpty(Lookup(environment, "MSI_ENDPOINT"));

    /// <summary>
    /// <paramref name="environment"/> is what the caller read at start-up (never an implicit process environment);
    /// <paramref name="clientId"/> is AZURE_CLIENT_ID, empty or null for system-assigned / developer logins.
    /// </summary>
    public static TokenCredential Create(string? clientId, IReadOnlyDictionary<string, string?> environment)
    {
        var id = clientId?.Trim() ?? "";
        // In Azure with a user-assigned identity, go straight to it: no probing of developer credentials.
        if (id.Length > 0 && RunsInAzure(environment))
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id));
        }
        return id.Length > 0
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = id })
            : new DefaultAzureCredential();
    }

    private static string? Lookup(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) ? value : null;
}
