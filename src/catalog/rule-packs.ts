/**
 * Scenario rule packs: the rules the documentation lists for common scenarios (approved-outbound mode).
 * Source: facts page "Scenario rule packs". Rule names are prefixed with the pack's prefix so that names stay unique.
 */
export type PackRule =
  | { kind: 'fqdn'; name: string; destination: string; ports?: string }
  | { kind: 'private_endpoint_default_storage'; name: string; subresource: string }
  | {
      kind: 'private_endpoint_resource_type';
      name: string;
      resourceType: string;
      subresource: string;
      /** Key under `rule_pack_options.<pack>` that names the target resource. */
      optionKey?: string;
    };

export interface RulePack {
  name: string;
  description: string;
  /** Only meaningful for these workspace kinds (undefined: all). */
  kinds?: readonly string[];
  rules: readonly PackRule[];
}

function fqdns(prefix: string, hosts: readonly string[]): PackRule[] {
  return hosts.map((destination) => ({
    kind: 'fqdn' as const,
    name: `${prefix}-${destination.replace(/^\*\./, 'any-').replace(/[^a-zA-Z0-9_-]/g, '-')}`.slice(0, 33),
    destination,
  }));
}

export const RULE_PACKS: Record<string, RulePack> = {
  python_packages: {
    name: 'python_packages',
    description: 'Public ML packages (conda, PyPI, PyTorch, TensorFlow, CRAN).',
    rules: fqdns('pkg', [
      'anaconda.com',
      '*.anaconda.com',
      '*.anaconda.org',
      'pypi.org',
      '*.pythonhosted.org',
      'pytorch.org',
      '*.pytorch.org',
      '*.tensorflow.org',
      'cloud.r-project.org',
    ]),
  },
  vscode: {
    name: 'vscode',
    description: 'Visual Studio Code desktop and web connected to compute instances.',
    rules: fqdns('vscode', [
      '*.vscode.dev',
      '*.vscode-unpkg.net',
      '*.vscode-cdn.net',
      '*.vscodeexperiments.azureedge.net',
      'default.exp-tas.com',
      'code.visualstudio.com',
      'update.code.visualstudio.com',
      '*.vo.msecnd.net',
      'marketplace.visualstudio.com',
      'vscode.blob.core.windows.net',
      '*.gallerycdn.vsassets.io',
      'vscode.download.prss.microsoft.com',
    ]),
  },
  vscode_hub: {
    name: 'vscode_hub',
    // The docs also list ports 8704-8710 for these hosts; FQDN rules support only 80/443, so the pack leaves them out.
    description: 'Extra GitHub hosts VS Code needs on AI Studio / Foundry hubs (ports 8704-8710 left out: FQDN rules allow only 80/443).',
    kinds: ['Hub', 'Project'],
    rules: fqdns('vscodehub', ['raw.githubusercontent.com', 'pkg-containers.githubusercontent.com', 'github.com']),
  },
  huggingface: {
    name: 'huggingface',
    description: 'HuggingFace models and their Docker images (seed 003 misspells cdn.auth0.com as cnd.auth0.com).',
    rules: fqdns('hf', [
      'docker.io',
      '*.docker.io',
      '*.docker.com',
      'production.cloudflare.docker.com',
      'cdn.auth0.com',
      'cdn-lfs.huggingface.co',
    ]),
  },
  curated_models: {
    name: 'curated_models',
    description: 'Curated-by-Azure-AI models on hubs.',
    kinds: ['Hub', 'Project'],
    rules: fqdns('curated', [
      '*.anaconda.org',
      '*.anaconda.com',
      'anaconda.com',
      'pypi.org',
      '*.pythonhosted.org',
      '*.pytorch.org',
      'pytorch.org',
    ]),
  },
  batch_endpoints: {
    name: 'batch_endpoints',
    description: 'Batch endpoints / ParallelRunStep: queue and table private endpoints to the default storage account.',
    rules: [
      { kind: 'private_endpoint_default_storage', name: 'batch-storage-queue', subresource: 'queue' },
      { kind: 'private_endpoint_default_storage', name: 'batch-storage-table', subresource: 'table' },
    ],
  },
  prompt_flow: {
    name: 'prompt_flow',
    description:
      'Prompt flow with Azure OpenAI, content safety and AI Search: private endpoints to AI services and AI Search ' +
      '(the policy names the resources in prompt_flow targets).',
    rules: [
      {
        kind: 'private_endpoint_resource_type',
        name: 'pf-aiservices',
        resourceType: 'Microsoft.CognitiveServices/accounts',
        subresource: 'account',
        optionKey: 'ai_services_resource_id',
      },
      {
        kind: 'private_endpoint_resource_type',
        name: 'pf-aisearch',
        resourceType: 'Microsoft.Search/searchServices',
        subresource: 'searchService',
        optionKey: 'ai_search_resource_id',
      },
    ],
  },
};

export const RULE_PACK_NAMES = Object.keys(RULE_PACKS);
