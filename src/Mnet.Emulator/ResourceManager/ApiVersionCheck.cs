using Mnet.Emulator.Http;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.ResourceManager;

/// <summary>
/// The per-type api-version check of routes that serve many types (their route policy only requires a dated
/// version): a type in <see cref="ProviderCatalog"/> accepts exactly its published versions.
/// </summary>
public static class ApiVersionCheck
{
    public static void Require(HandlerContext ctx, string providerNamespace, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var known = ProviderCatalog.FindType(providerNamespace, resourceType);
        var version = ctx.Request.QueryValue("api-version") ?? string.Empty;
        if (known is null || known.ApiVersions.Contains(version, StringComparer.Ordinal))
        {
            return;
        }

        var policy = ApiVersionPolicy.Exactly([.. known.ApiVersions]);
        throw new ArmException(400, "InvalidApiVersionParameter",
            $"The api-version '{version}' is invalid. The supported versions are {policy.Describe()}.", "api-version");
    }
}
