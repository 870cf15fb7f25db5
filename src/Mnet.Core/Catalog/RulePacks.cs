using System.Text.RegularExpressions;

namespace Mnet.Core.Catalog;

/// <summary>
/// Scenario rule packs: the rules the documentation lists for common scenarios (approved-outbound mode).
/// Source: facts page "Scenario rule packs". Rule names are prefixed with the pack's prefix so that names stay unique.
/// </summary>
public static partial class RulePacks
{
    public static IReadOnlyList<RulePack> All { get; } =
    [
        new("python_packages", "Public ML packages (conda, PyPI, PyTorch, TensorFlow, CRAN).", null, Fqdns("pkg",
        [
            "anaconda.com",
            "*.anaconda.com",
            "*.anaconda.org",
            "pypi.org",
            "*.pythonhosted.org",
            "pytorch.org",
            "*.pytorch.org",
            "*.tensorflow.org",
            "cloud.r-project.org",
        ])),
        new("vscode", "Visual Studio Code desktop and web connected to compute instances.", null, Fqdns("vscode",
        [
            "*.vscode.dev",
            "*.vscode-unpkg.net",
            "*.vscode-cdn.net",
            "*.vscodeexperiments.azureedge.net",
            "default.exp-tas.com",
            "code.visualstudio.com",
            "update.code.visualstudio.com",
            "*.vo.msecnd.net",
            "marketplace.visualstudio.com",
            "vscode.blob.core.windows.net",
            "*.gallerycdn.vsassets.io",
            "vscode.download.prss.microsoft.com",
        ])),
        // The docs also list ports 8704-8710 for these hosts; FQDN rules support only 80/443, so the pack leaves them out.
        new("vscode_hub",
            "Extra GitHub hosts VS Code needs on AI Studio / Foundry hubs (ports 8704-8710 left out: FQDN rules allow only 80/443).",
            ["Hub", "Project"],
            Fqdns("vscodehub", ["raw.githubusercontent.com", "pkg-containers.githubusercontent.com", "github.com"])),
        new("huggingface", "HuggingFace models and their Docker images (seed 003 misspells cdn.auth0.com as cnd.auth0.com).", null,
            Fqdns("hf",
            [
                "docker.io",
                "*.docker.io",
                "*.docker.com",
                "production.cloudflare.docker.com",
                "cdn.auth0.com",
                "cdn-lfs.huggingface.co",
            ])),
        new("curated_models", "Curated-by-Azure-AI models on hubs.", ["Hub", "Project"], Fqdns("curated",
        [
            "*.anaconda.org",
            "*.anaconda.com",
            "anaconda.com",
            "pypi.org",
            "*.pythonhosted.org",
            "*.pytorch.org",
            "pytorch.org",
        ])),
        new("batch_endpoints",
            "Batch endpoints / ParallelRunStep: queue and table private endpoints to the default storage account.",
            null,
            [
                new DefaultStoragePrivateEndpointPackRule("batch-storage-queue", "queue"),
                new DefaultStoragePrivateEndpointPackRule("batch-storage-table", "table"),
            ]),
        new("prompt_flow",
            "Prompt flow with Azure OpenAI, content safety and AI Search: private endpoints to AI services and AI Search " +
            "(the policy names the resources in prompt_flow targets).",
            null,
            [
                new ResourceTypePrivateEndpointPackRule("pf-aiservices", "Microsoft.CognitiveServices/accounts", "account",
                    "ai_services_resource_id"),
                new ResourceTypePrivateEndpointPackRule("pf-aisearch", "Microsoft.Search/searchServices", "searchService",
                    "ai_search_resource_id"),
            ]),
    ];

    /// <summary>Pack names, in <see cref="All"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <summary>The pack of that name (exact spelling), or null.</summary>
    public static RulePack? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    // Rule names: prefix-host with "*." spelled "any-" and other characters outside [a-zA-Z0-9_-] as "-", at most 33.
    private static IReadOnlyList<PackRule> Fqdns(string prefix, IReadOnlyList<string> hosts) =>
    [
        .. hosts.Select(destination =>
        {
            var readable = destination.StartsWith("*.", StringComparison.Ordinal) ? "any-" + destination[2..] : destination;
            var name = $"{prefix}-{NotNameCharacter().Replace(readable, "-")}";
            return new FqdnPackRule(name.Length > 33 ? name[..33] : name, destination);
        }),
    ];

    [GeneratedRegex("[^a-zA-Z0-9_-]")]
    private static partial Regex NotNameCharacter();
}
