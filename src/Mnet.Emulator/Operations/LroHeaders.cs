namespace Mnet.Emulator.Operations;

/// <summary>Which poll headers an operation's answer declares in the 2025-09-01 spec.</summary>
public enum LroHeaders
{
    /// <summary>Location (+ Retry-After): workspaces, outbound rules, provisionManagedNetwork.</summary>
    Location,

    /// <summary>Azure-AsyncOperation: computes, online endpoints and deployments.</summary>
    AzureAsyncOperation,

    /// <summary>Both (DELETE of computes/endpoints/deployments declares Location as well).</summary>
    Both,
}
