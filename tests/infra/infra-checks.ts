/**
 * Pure cross-checks between infra/ (read as TEXT: no Bicep compiler here) and the app's source of truth
 * (settings, ARM actions, approver role, host.json). Each check returns a list of problems; an empty list passes.
 * Kept pure so the tests can prove each check fails on a deliberately broken copy of the infra text.
 */

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What checkSettings needs of a setting spec (src/config/settings.ts SettingSpec is assignable to this). */
export interface SettingLike {
  name: string;
  required: boolean;
}

// ------------------------------------------------------------------------------------------------------------
// Bicep text helpers
// ------------------------------------------------------------------------------------------------------------

/**
 * Removes // and /* *\/ comments outside string literals, so commented-out code never satisfies a check.
 * Understands '...' (with \' escapes) and '''...''' (verbatim, multi-line) strings.
 */
export function stripBicepComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      const stop = end < 0 ? text.length : end + 3;
      out += text.slice(i, stop);
      i = stop;
    } else if (text[i] === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'" && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** Index just past the bracket matching the opener at `open` ('[' or '{'), skipping string literals; -1 if none. */
export function matchBracket(text: string, open: number): number {
  const opener = text[open];
  const closer = opener === '[' ? ']' : opener === '{' ? '}' : undefined;
  if (closer === undefined) return -1;
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const c = text[i];
    if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      if (end < 0) return -1;
      i = end + 3;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (c === opener) depth += 1;
    else if (c === closer) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
    i += 1;
  }
  return -1;
}

/** The bracketed blocks (including brackets) that follow each match of `head`, whose last char must be [ or {. */
export function blocksAfter(text: string, head: RegExp): string[] {
  const flags = head.flags.includes('g') ? head.flags : `${head.flags}g`;
  const re = new RegExp(head.source, flags);
  const blocks: string[] = [];
  for (const m of text.matchAll(re)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    const end = matchBracket(text, open);
    if (end > 0) blocks.push(text.slice(open, end));
  }
  return blocks;
}

/** Plain (non-interpolated) single-quoted string literals in a piece of Bicep. */
export function stringLiterals(block: string): string[] {
  return [...block.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)]
    .map((m) => m[1] ?? '')
    .filter((s) => !s.includes('${'));
}

/** The string items of `var <name> = [ ... ]`, or undefined when there is no such array variable. */
export function stringArrayVar(bicepText: string, name: string): string[] | undefined {
  const text = stripBicepComments(bicepText);
  const blocks = blocksAfter(text, new RegExp(`\\bvar\\s+${name}\\s*=\\s*\\[`));
  const block = blocks[0];
  return block === undefined ? undefined : stringLiterals(block);
}

/** Names of the app settings declared as `{ name: 'X', value: ... }` inside any `appSettings: [ ... ]`. */
export function appSettingNames(bicepText: string): string[] {
  const text = stripBicepComments(bicepText);
  const names: string[] = [];
  for (const block of blocksAfter(text, /\bappSettings\s*:\s*\[/)) {
    for (const m of block.matchAll(/\bname\s*:\s*'([^'$]+)'/g)) if (m[1]) names.push(m[1]);
  }
  return names;
}

/** functionAppConfig.runtime.name of a Flex Consumption site, if declared. */
export function flexRuntimeName(bicepText: string): string | undefined {
  const text = stripBicepComments(bicepText);
  const m = /\bruntime\s*:\s*\{\s*name\s*:\s*'([^']+)'/.exec(text);
  return m?.[1];
}

/** `Type@version` of every resource / existing resource declared in the Bicep text. */
export function resourceTypeVersions(bicepText: string): { type: string; version: string }[] {
  const text = stripBicepComments(bicepText);
  return [...text.matchAll(/\bresource\s+\w+\s+'([^'@]+)@([^']+)'/g)].map((m) => ({ type: m[1] ?? '', version: m[2] ?? '' }));
}

// ------------------------------------------------------------------------------------------------------------
// README helpers
// ------------------------------------------------------------------------------------------------------------

/** Rows `| \`NAME\` | reason |` of the README section whose heading mentions "not set by infra". */
export function readmeNotSetTable(readmeText: string): Map<string, string> {
  const rows = new Map<string, string>();
  let inSection = false;
  for (const line of readmeText.split(/\r?\n/)) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      inSection = /not set by infra/i.test(heading[1] ?? '');
      continue;
    }
    if (!inSection) continue;
    const row = /^\|\s*`?([A-Za-z_][A-Za-z0-9_]*)`?\s*\|\s*(.*?)\s*\|\s*$/.exec(line.trim());
    if (!row || !row[1] || /^setting$/i.test(row[1])) continue;
    rows.set(row[1], (row[2] ?? '').replace(/\|/g, '').trim());
  }
  return rows;
}

// ------------------------------------------------------------------------------------------------------------
// (a) settings
// ------------------------------------------------------------------------------------------------------------

/**
 * Settings satisfied other than by a plain app setting of the same name:
 * - AzureWebJobsStorage: identity-based connection, i.e. AzureWebJobsStorage__accountName + __credential.
 * - FUNCTIONS_WORKER_RUNTIME: on Flex Consumption it is not an app setting; functionAppConfig.runtime.name is.
 */
export const IDENTITY_CONNECTION_SETTINGS: readonly string[] = ['AzureWebJobsStorage'];
export const FLEX_RUNTIME_SETTING = 'FUNCTIONS_WORKER_RUNTIME';
export const EXPECTED_FLEX_RUNTIME = 'node';

export function checkSettings(infraText: string, readmeText: string, settings: readonly SettingLike[]): string[] {
  const problems: string[] = [];
  const declared = appSettingNames(infraText);
  const set = new Set(declared);
  const notSet = readmeNotSetTable(readmeText);
  const isFlex = /\bFC1\b/.test(stripBicepComments(infraText)) && /FlexConsumption/.test(infraText);

  for (const name of declared.filter((n, i) => declared.indexOf(n) !== i)) problems.push(`app setting ${name} is declared twice`);

  for (const spec of settings) {
    const { name } = spec;
    if (IDENTITY_CONNECTION_SETTINGS.includes(name)) {
      // A plain connection-string value would take precedence over the identity-based settings.
      if (set.has(name)) problems.push(`${name} must not be a plain app setting: use the identity-based ${name}__* settings`);
      for (const part of ['accountName', 'credential']) {
        if (!set.has(`${name}__${part}`)) problems.push(`${name} is required but infra does not set ${name}__${part}`);
      }
      continue;
    }
    if (name === FLEX_RUNTIME_SETTING && isFlex) {
      if (set.has(name)) problems.push(`${name} is not a valid app setting on Flex Consumption: declare functionAppConfig.runtime instead`);
      const runtime = flexRuntimeName(infraText);
      if (runtime !== EXPECTED_FLEX_RUNTIME) {
        problems.push(`${name} is provided on Flex by functionAppConfig.runtime.name, which is ${runtime ?? 'missing'} (expected '${EXPECTED_FLEX_RUNTIME}')`);
      }
      continue;
    }
    if (set.has(name)) {
      if (notSet.has(name)) problems.push(`${name} is set by infra but infra/README.md lists it as not set by infra`);
      continue;
    }
    const reason = notSet.get(name);
    if (reason === undefined) {
      problems.push(`${name} is neither set by infra nor listed in infra/README.md "not set by infra" table`);
    } else if (reason.length === 0) {
      problems.push(`${name} is listed as not set by infra without a reason`);
    } else if (spec.required) {
      problems.push(`${name} is required: infra must set it (a README entry is not enough)`);
    }
  }
  const known = new Set(settings.map((s) => s.name));
  for (const name of notSet.keys()) {
    if (!known.has(name)) problems.push(`infra/README.md lists ${name} as not set by infra, but the app has no such setting`);
  }
  return problems;
}

// ------------------------------------------------------------------------------------------------------------
// (b) custom role actions == ARM_ACTION_LIST
// ------------------------------------------------------------------------------------------------------------

/** Role-assignment writes: never in the unconditioned custom role (they would void the ABAC condition). */
export const ABAC_ONLY_ACTIONS: readonly string[] = [
  'Microsoft.Authorization/roleAssignments/write',
  'Microsoft.Authorization/roleAssignments/delete',
];

/**
 * The custom role's `customRoleActions` plus `conditionallyDelegatedActions` (granted only through the
 * ABAC-conditioned RBAC Administrator assignment) must equal the app's action list exactly.
 */
export function checkRoleActions(roleModuleText: string, appActions: readonly string[]): string[] {
  const problems: string[] = [];
  const custom = stringArrayVar(roleModuleText, 'customRoleActions');
  const delegated = stringArrayVar(roleModuleText, 'conditionallyDelegatedActions') ?? [];
  if (custom === undefined) return ['no `var customRoleActions = [...]` in the role module'];
  const code = stripBicepComments(roleModuleText);
  if (!/\bactions\s*:\s*customRoleActions\b/.test(code)) problems.push('the role definition does not use customRoleActions as its actions');
  if (!/Microsoft\.Authorization\/roleDefinitions@/.test(code)) problems.push('the role module declares no Microsoft.Authorization/roleDefinitions resource');

  const lower = (s: string): string => s.toLowerCase();
  const abacOnly = new Set(ABAC_ONLY_ACTIONS.map(lower));
  for (const a of custom.filter((x, i) => custom.map(lower).indexOf(lower(x)) !== i)) problems.push(`custom role lists ${a} twice`);
  const app = new Set(appActions.map(lower));
  for (const a of custom) {
    // Wildcards only where the app's own action list has exactly that wildcard.
    if (a.includes('*') && !app.has(lower(a))) problems.push(`custom role has a wildcard action the app does not list: ${a}`);
    if (abacOnly.has(lower(a))) problems.push(`custom role grants ${a} unconditionally: that voids the ABAC condition`);
  }
  for (const a of delegated) {
    if (!abacOnly.has(lower(a))) problems.push(`${a} is listed as ABAC-delegated but the RBAC Administrator condition does not cover it`);
  }
  const granted = new Set([...custom, ...delegated].map(lower));
  for (const a of appActions) if (!granted.has(lower(a))) problems.push(`app action not granted by infra: ${a}`);
  for (const a of [...custom, ...delegated]) if (!app.has(lower(a))) problems.push(`infra grants an action the app does not use: ${a}`);
  return problems;
}

// ------------------------------------------------------------------------------------------------------------
// ABAC condition ("Constrain roles and principal types")
// ------------------------------------------------------------------------------------------------------------

const ABAC_FRAGMENTS: readonly string[] = [
  "!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})",
  "!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})",
  '@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {',
  '@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {',
  "@Request[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}",
  "@Resource[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}",
];

export function checkAbacCondition(roleModuleText: string): string[] {
  const problems: string[] = [];
  const code = stripBicepComments(roleModuleText);
  const template = /\bvar\s+abacConditionTemplate\s*=\s*'''([\s\S]*?)'''/.exec(code)?.[1];
  if (template === undefined) return ["no `var abacConditionTemplate = '''...'''` in the role module"];
  const flat = template.replace(/\s+/g, ' ');
  for (const f of ABAC_FRAGMENTS) if (!flat.includes(f)) problems.push(`ABAC condition lacks: ${f}`);
  let depth = 0;
  for (const c of template) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) problems.push('ABAC condition has unbalanced parentheses');
  if ((template.match(/__ASSIGNABLE_ROLE_GUIDS__/g) ?? []).length !== 2) problems.push('ABAC condition must list the assignable role GUIDs for both write (@Request) and delete (@Resource)');
  if (!/\bcondition\s*:\s*abacCondition\b/.test(code)) problems.push('no role assignment uses the ABAC condition');
  if (!/\bconditionVersion\s*:\s*'2\.0'/.test(code)) problems.push("the conditioned role assignment lacks conditionVersion: '2.0'");
  if (!/roleDefinitionId\s*:\s*subscriptionResourceId\('Microsoft\.Authorization\/roleDefinitions',\s*rbacAdministratorRoleGuid\)/.test(code)) {
    problems.push('the conditioned assignment is not of the Role Based Access Control Administrator role');
  }
  if (!/\bvar\s+rbacAdministratorRoleGuid\s*=\s*roles\.roleBasedAccessControlAdministrator\b/.test(code)) problems.push('rbacAdministratorRoleGuid does not come from roles.json');
  if (!/\bvar\s+approverRoleGuid\s*=\s*roles\.azureAiEnterpriseNetworkConnectionApprover\b/.test(code)) problems.push('approverRoleGuid does not come from roles.json');
  if (!/\bunion\(\[approverRoleGuid\]/.test(code)) problems.push('the assignable roles do not include the approver role');
  if (!/replace\(abacConditionTemplate,\s*'__ASSIGNABLE_ROLE_GUIDS__'/.test(code)) problems.push('the ABAC template placeholder is never replaced');
  return problems;
}

// ------------------------------------------------------------------------------------------------------------
// (c), (d) role GUIDs
// ------------------------------------------------------------------------------------------------------------

/** Parses infra/roles.json into name -> GUID (ignoring $-keys); problems for anything not a GUID. */
export function parseRolesJson(rolesJsonText: string): { roles: Map<string, string>; problems: string[] } {
  const roles = new Map<string, string>();
  const problems: string[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(rolesJsonText);
  } catch (e) {
    return { roles, problems: [`roles.json is not JSON: ${(e as Error).message}`] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { roles, problems: ['roles.json is not an object'] };
  for (const [key, value] of Object.entries(parsed)) {
    if (key.startsWith('$')) continue;
    if (typeof value !== 'string' || !GUID_PATTERN.test(value)) problems.push(`roles.json ${key} is not a well-formed GUID: ${String(value)}`);
    else roles.set(key, value.toLowerCase());
  }
  return { roles, problems };
}

/**
 * Every GUID-like literal in the Bicep text is well-formed, roles.json holds well-formed GUIDs equal to the
 * verified built-in values, and every `roles.<name>` the Bicep uses exists.
 */
export function checkRoleGuids(bicepText: string, rolesJsonText: string, verified: Readonly<Record<string, string>>): string[] {
  const { roles, problems } = parseRolesJson(rolesJsonText);
  for (const [key, guid] of Object.entries(verified)) {
    const actual = roles.get(key);
    if (actual === undefined) problems.push(`roles.json lacks ${key}`);
    else if (actual !== guid.toLowerCase()) problems.push(`roles.json ${key} is ${actual}, expected ${guid}`);
  }
  const code = stripBicepComments(bicepText);
  for (const lit of stringLiterals(code)) {
    const guidLike = /^[0-9a-fA-F-]{28,40}$/.test(lit) && (lit.match(/-/g) ?? []).length >= 3;
    if (guidLike && !GUID_PATTERN.test(lit)) problems.push(`malformed GUID literal in infra: ${lit}`);
  }
  // `roles.<key>` in code, not the file name in loadJsonContent('../roles.json').
  for (const m of code.matchAll(/(?<![\w/.'])roles\.([A-Za-z0-9_]+)/g)) {
    const key = m[1] ?? '';
    if (!roles.has(key)) problems.push(`Bicep uses roles.${key}, which roles.json does not define`);
  }
  return [...new Set(problems)];
}

export function checkApproverRole(rolesJsonText: string, approverGuid: string): string[] {
  const { roles, problems } = parseRolesJson(rolesJsonText);
  const inInfra = roles.get('azureAiEnterpriseNetworkConnectionApprover');
  if (inInfra === undefined) return [...problems, 'roles.json lacks azureAiEnterpriseNetworkConnectionApprover'];
  return inInfra === approverGuid.toLowerCase() ? problems : [...problems, `approver role GUID in infra is ${inInfra}, the app uses ${approverGuid}`];
}

// ------------------------------------------------------------------------------------------------------------
// (e) secrets
// ------------------------------------------------------------------------------------------------------------

const SECRET_VALUE_PATTERNS: readonly RegExp[] = [
  /AccountKey=/i,
  /SharedAccessSignature/i,
  /SharedAccessKey(Name)?=/i,
  /[?&]sig=/i,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\b(client_?secret|password|pwd)\s*[=:]/i,
  /^[A-Za-z0-9+/]{40,}={0,2}$/, // a bare key-shaped blob
];
const SECRET_NAME_PATTERN = /secret|password|passwd|connectionstring|accountkey|sastoken|\bsas\b|apikey|credential/i;

/** Parameter files: valid JSON, no secret-looking values, no parameters named like secrets. */
export function checkParameterFiles(files: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      problems.push(`${file} is not JSON: ${(e as Error).message}`);
      continue;
    }
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        for (const p of SECRET_VALUE_PATTERNS) if (p.test(value)) problems.push(`${file} ${path} looks like a secret`);
      } else if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, `${path}[${i}]`));
      } else if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value)) {
          if (path === '.parameters' && SECRET_NAME_PATTERN.test(k)) problems.push(`${file} passes a secret-named parameter: ${k}`);
          if (k === 'reference') problems.push(`${file} ${path}.${k}: Key Vault references do not belong in this repo's parameter files`);
          walk(v, `${path}.${k}`);
        }
      }
    };
    walk(parsed, '');
  }
  return problems;
}

/** `@secure()` parameters must have no default (a default is stored in the template in clear). */
export function checkSecureParams(bicepText: string): string[] {
  const problems: string[] = [];
  const code = stripBicepComments(bicepText);
  const re = /@secure\(\)\s*(?:@[A-Za-z]+\((?:[^()]|\([^()]*\))*\)\s*)*param\s+(\w+)\s+[^\n=]*(=[^\n]*)?$/gm;
  for (const m of code.matchAll(re)) if (m[2]) problems.push(`@secure() parameter ${m[1] ?? '?'} has a default value`);
  return problems;
}

// ------------------------------------------------------------------------------------------------------------
// (f) task hub, (g) Event Grid function
// ------------------------------------------------------------------------------------------------------------

/** host.json's durableTask.hubName must be %SETTING% with SETTING set by infra. */
export function checkTaskHub(hostJsonText: string, infraText: string): string[] {
  let host: unknown;
  try {
    host = JSON.parse(hostJsonText);
  } catch (e) {
    return [`host.json is not JSON: ${(e as Error).message}`];
  }
  const hub = pick(host, ['extensions', 'durableTask', 'hubName']);
  if (typeof hub !== 'string') return ['host.json has no extensions.durableTask.hubName'];
  const m = /^%([^%]+)%$/.exec(hub);
  if (!m || !m[1]) return [`host.json hubName ${hub} is not an app-setting reference (%NAME%)`];
  return appSettingNames(infraText).includes(m[1]) ? [] : [`host.json task hub setting ${m[1]} is not set by infra`];
}

function pick(value: unknown, path: readonly string[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** The event subscription delivers ResourceWriteSuccess of ML workspaces to `{app}/functions/<functionName>`. */
export function checkEventGrid(bicepText: string, functionName: string): string[] {
  const problems: string[] = [];
  const code = stripBicepComments(bicepText);
  const declared = /\bvar\s+eventGridFunctionName\s*=\s*'([^']+)'/.exec(code)?.[1];
  const literalTarget = code.includes(`/functions/${functionName}'`);
  const varTarget = declared === functionName && code.includes('/functions/${eventGridFunctionName}');
  if (!literalTarget && !varTarget) problems.push(`no event subscription targets the function ${functionName} (found ${declared ?? 'none'})`);
  const required: readonly [RegExp, string][] = [
    [/Microsoft\.EventGrid\/systemTopics@/, 'an Event Grid system topic'],
    [/topicType\s*:\s*'Microsoft\.Resources\.Subscriptions'/, "topicType 'Microsoft.Resources.Subscriptions'"],
    [/location\s*:\s*'global'/, "the system topic at location 'global'"],
    [/Microsoft\.EventGrid\/systemTopics\/eventSubscriptions@/, 'an event subscription'],
    [/endpointType\s*:\s*'AzureFunction'/, "endpointType 'AzureFunction'"],
    [/'Microsoft\.Resources\.ResourceWriteSuccess'/, 'the ResourceWriteSuccess event type'],
    [/operatorType\s*:\s*'StringIn'\s*key\s*:\s*'data\.operationName'/, 'a StringIn filter on data.operationName'],
    [/'Microsoft\.MachineLearningServices\/workspaces\/write'/, 'the workspaces/write operation'],
    [/'\/providers\/Microsoft\.MachineLearningServices\/workspaces\/'/, 'a subject filter on ML workspaces'],
    [/retryPolicy\s*:\s*\{[^}]*maxDeliveryAttempts[^}]*eventTimeToLiveInMinutes/, 'a retry policy'],
    [/deadLetterWithResourceIdentity\s*:/, 'dead-lettering with the topic identity'],
  ];
  for (const [re, what] of required) if (!re.test(code)) problems.push(`Event Grid wiring lacks ${what}`);
  return problems;
}

// ------------------------------------------------------------------------------------------------------------
// Extras: docs and API versions
// ------------------------------------------------------------------------------------------------------------

/** Every app action is explained in the README (backticked). */
export function checkReadmePermissions(readmeText: string, appActions: readonly string[]): string[] {
  return appActions.filter((a) => !readmeText.includes(`\`${a}\``)).map((a) => `infra/README.md does not explain ${a}`);
}

/** No preview API versions; each resource type uses one API version throughout. */
export function checkApiVersions(bicepText: string): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { type, version } of resourceTypeVersions(bicepText)) {
    if (/preview/i.test(version)) problems.push(`${type} uses a preview API version ${version}`);
    const prior = seen.get(type.toLowerCase());
    if (prior !== undefined && prior !== version) problems.push(`${type} uses both ${prior} and ${version}`);
    seen.set(type.toLowerCase(), version);
  }
  return problems;
}

// ------------------------------------------------------------------------------------------------------------
// Module wiring (what a Bicep compiler would catch first): names and obvious types of module parameters
// ------------------------------------------------------------------------------------------------------------

export interface ParamDecl {
  type: string;
  hasDefault: boolean;
}

/** `param name type [= default]` declarations of a Bicep file. */
export function paramDecls(bicepText: string): Map<string, ParamDecl> {
  const code = stripBicepComments(bicepText);
  const decls = new Map<string, ParamDecl>();
  for (const m of code.matchAll(/^param\s+(\w+)\s+([A-Za-z]+(?:\[\])?)([ \t]*=)?/gm)) {
    if (m[1] && m[2]) decls.set(m[1], { type: m[2], hasDefault: m[3] !== undefined });
  }
  return decls;
}

/** Top-level `key: value` entries of an object literal's text (with its braces). */
export function objectEntries(objectText: string): Map<string, string> {
  const body = objectText.slice(1, -1);
  const entries = new Map<string, string>();
  let depth = 0;
  let start = 0;
  const flush = (end: number): void => {
    const m = /^\s*'?([A-Za-z_$][\w$-]*)'?\s*:\s*([\s\S]*?)\s*$/.exec(body.slice(start, end));
    if (m && m[1]) entries.set(m[1], m[2] ?? '');
    start = end + 1;
  };
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (body.startsWith("'''", i)) {
      const end = body.indexOf("'''", i + 3);
      i = end < 0 ? body.length : end + 2;
    } else if (c === "'") {
      let j = i + 1;
      while (j < body.length && body[j] !== "'") j += body[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') depth -= 1;
    else if ((c === '\n' || c === ',') && depth === 0) flush(i);
  }
  flush(body.length);
  return entries;
}

/** Best-effort type of a Bicep expression, or undefined when it cannot be told without a compiler. */
export function inferType(expr: string, callerDecls: ReadonlyMap<string, ParamDecl>): string | undefined {
  const e = expr.trim();
  if (/^'(?:[^'\\]|\\.)*'$/.test(e)) return 'string';
  if (/^-?\d+$/.test(e)) return 'int';
  if (/^(true|false)$/.test(e) || /^[\w.()]+\s*(==|!=)\s*'[^']*'$/.test(e)) return 'bool';
  if (/^(string|join|format|toLower|toUpper|concat|guid|uniqueString)\(/.test(e)) return 'string';
  const ternary = /^.+\?\s*('(?:[^'\\]|\\.)*'|-?\d+)\s*:/.exec(e);
  if (ternary?.[1]) return ternary[1].startsWith("'") ? 'string' : 'int';
  const ident = /^(\w+)$/.exec(e)?.[1];
  return ident !== undefined ? callerDecls.get(ident)?.type : undefined;
}

const sameType = (a: string, b: string): boolean =>
  a === b || (a.endsWith('[]') && b === 'array') || (b.endsWith('[]') && a === 'array');

/**
 * For every `module x 'path' = ...` in the given files (path -> text, paths relative to a common root with '/'),
 * the module exists, every passed parameter is declared by it, every parameter without a default is passed, and
 * obvious types agree.
 */
export function checkModuleWiring(files: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const code = stripBicepComments(text);
    const callerDecls = paramDecls(text);
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of code.matchAll(/\bmodule\s+(\w+)\s+'([^']+)'\s*=\s*/g)) {
      const symbol = m[1] ?? '?';
      const target = normalizePath(`${dir}${m[2] ?? ''}`);
      const targetText = files[target];
      if (targetText === undefined) {
        problems.push(`${file}: module ${symbol} refers to missing ${target}`);
        continue;
      }
      const bodyOpen = code.indexOf('{', (m.index ?? 0) + m[0].length);
      const bodyEnd = bodyOpen < 0 ? -1 : matchBracket(code, bodyOpen);
      if (bodyEnd < 0) continue;
      const paramsBlock = blocksAfter(code.slice(bodyOpen, bodyEnd), /\bparams\s*:\s*\{/)[0] ?? '{}';
      const passed = objectEntries(paramsBlock);
      const declared = paramDecls(targetText);
      for (const [name, expr] of passed) {
        const decl = declared.get(name);
        if (decl === undefined) {
          problems.push(`${file}: module ${symbol} passes ${name}, which ${target} does not declare`);
          continue;
        }
        const t = inferType(expr, callerDecls);
        if (t !== undefined && !sameType(t, decl.type)) problems.push(`${file}: module ${symbol} passes ${name} as ${t}, ${target} declares ${decl.type}`);
      }
      for (const [name, decl] of declared) {
        if (!decl.hasDefault && !passed.has(name)) problems.push(`${file}: module ${symbol} does not pass required ${name} of ${target}`);
      }
    }
  }
  return problems;
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}
