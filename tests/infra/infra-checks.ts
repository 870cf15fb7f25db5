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
 * - AzureWebJobsStorage, MNET_EVENT_QUEUE_STORAGE: identity-based connections, i.e. <name>__<locating part> +
 *   __credential (the locating part: the host's __accountName, the event queue trigger's __queueServiceUri).
 * - FUNCTIONS_WORKER_RUNTIME: on Flex Consumption it is not an app setting; functionAppConfig.runtime.name is (the
 *   deployed app is the C# isolated worker).
 */
export const IDENTITY_CONNECTION_SETTINGS: Readonly<Record<string, string>> = {
  AzureWebJobsStorage: 'accountName',
  MNET_EVENT_QUEUE_STORAGE: 'queueServiceUri',
};
export const FLEX_RUNTIME_SETTING = 'FUNCTIONS_WORKER_RUNTIME';
export const EXPECTED_FLEX_RUNTIME = 'dotnet-isolated';

export function checkSettings(infraText: string, readmeText: string, settings: readonly SettingLike[]): string[] {
  const problems: string[] = [];
  const declared = appSettingNames(infraText);
  const set = new Set(declared);
  const notSet = readmeNotSetTable(readmeText);
  const isFlex = /\bFC1\b/.test(stripBicepComments(infraText)) && /FlexConsumption/.test(infraText);

  for (const name of declared.filter((n, i) => declared.indexOf(n) !== i)) problems.push(`app setting ${name} is declared twice`);

  for (const spec of settings) {
    const { name } = spec;
    const locatingPart = IDENTITY_CONNECTION_SETTINGS[name];
    if (locatingPart !== undefined) {
      // A plain connection-string value would take precedence over the identity-based settings.
      if (set.has(name)) problems.push(`${name} must not be a plain app setting: use the identity-based ${name}__* settings`);
      for (const part of [locatingPart, 'credential']) {
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
// (b) what the app is granted == ARM_ACTION_LIST - OPERATOR_ONLY_ACTIONS - ABAC-delegated actions
// ------------------------------------------------------------------------------------------------------------

/** Role-assignment writes: never in an unconditioned role (they would void the ABAC condition). */
export const ABAC_ONLY_ACTIONS: readonly string[] = [
  'Microsoft.Authorization/roleAssignments/write',
  'Microsoft.Authorization/roleAssignments/delete',
];

/** All the role-assignment delegate role may hold (no built-in role: no wildcard read, no Microsoft.Support). */
export const DELEGATE_ROLE_ALLOWED_ACTIONS: readonly string[] = ['Microsoft.Authorization/roleAssignments/read', ...ABAC_ONLY_ACTIONS];

/** Actions that must appear in no role anywhere in infra (the app must never be able to rewrite roles). */
export const NEVER_GRANTED_ACTIONS: readonly string[] = [
  'Microsoft.Authorization/roleDefinitions/write',
  'Microsoft.Authorization/roleDefinitions/*',
  'Microsoft.Authorization/*',
  'Microsoft.Authorization/*/write',
  '*',
  '*/read',
  '*/write',
];

export interface AppActionSets {
  /** src/arm/actions.ts ARM_ACTION_LIST. */
  all: readonly string[];
  /** OPERATOR_ONLY_ACTIONS: never granted to the app. */
  operatorOnly: readonly string[];
  /** WORKSPACE_CREATION_ONLY_ACTIONS: granted only by the optional, resource-group-scoped workspace-creation role. */
  workspaceCreationOnly: readonly string[];
}

/**
 * The role module (target-subscription.bicep) grants the app:
 *   operatorRoleActions (subscription-wide) + workspaceCreationActions (optional, per resource group)
 *     == ARM_ACTION_LIST - OPERATOR_ONLY_ACTIONS - conditionallyDelegatedActions, exactly;
 *   workspaceCreationActions == WORKSPACE_CREATION_ONLY_ACTIONS, and none of them in the operator role;
 *   roleAssignmentDelegateActions within roleAssignments read/write/delete (ABAC-conditioned assignment);
 *   no operator-only action, no wildcard the app does not list itself, no unconditioned role-assignment write.
 */
export function checkRoleActions(roleModuleText: string, app: AppActionSets): string[] {
  const problems: string[] = [];
  const operator = stringArrayVar(roleModuleText, 'operatorRoleActions');
  // Reads outside the governed resource groups (the operator role is assigned at those groups only).
  const subscriptionReads = stringArrayVar(roleModuleText, 'subscriptionReadActions') ?? [];
  const delegated = stringArrayVar(roleModuleText, 'conditionallyDelegatedActions') ?? [];
  const delegateRole = stringArrayVar(roleModuleText, 'roleAssignmentDelegateActions');
  const creation = stringArrayVar(roleModuleText, 'workspaceCreationActions');
  if (operator === undefined) return ['no `var operatorRoleActions = [...]` in the role module'];
  if (delegateRole === undefined) problems.push('no `var roleAssignmentDelegateActions = [...]` in the role module');
  if (creation === undefined) problems.push('no `var workspaceCreationActions = [...]` in the role module');
  const code = stripBicepComments(roleModuleText);
  if (!/\bactions\s*:\s*operatorRoleActions\b/.test(code)) problems.push('the operator role definition does not use operatorRoleActions as its actions');
  if (!/\bactions\s*:\s*subscriptionReadActions\b/.test(code)) problems.push('the subscription reader role definition does not use subscriptionReadActions as its actions');
  if (!/\bactions\s*:\s*roleAssignmentDelegateActions\b/.test(code)) problems.push('the delegate role definition does not use roleAssignmentDelegateActions as its actions');
  if (!/\bactions\s*:\s*workspaceCreationActions\b/.test(code)) problems.push('the workspace-creation role definition does not use workspaceCreationActions as its actions');
  if (!/Microsoft\.Authorization\/roleDefinitions@/.test(code)) problems.push('the role module declares no Microsoft.Authorization/roleDefinitions resource');

  const lower = (s: string): string => s.toLowerCase();
  const abacOnly = new Set(ABAC_ONLY_ACTIONS.map(lower));
  const operatorOnly = new Set(app.operatorOnly.map(lower));
  const appAll = new Set(app.all.map(lower));
  const creationOnly = new Set(app.workspaceCreationOnly.map(lower));
  const lists: [string, readonly string[]][] = [
    ['operator role', operator],
    ['workspace-creation role', creation ?? []],
    ['subscription reader role', subscriptionReads],
    ['role assignment delegate', delegateRole ?? []],
  ];
  for (const [what, list] of lists) {
    for (const a of list.filter((x, i) => list.map(lower).indexOf(lower(x)) !== i)) problems.push(`${what} lists ${a} twice`);
    for (const a of list) {
      if (a.includes('*') && !appAll.has(lower(a))) problems.push(`${what} has a wildcard action the app does not list: ${a}`);
      if (operatorOnly.has(lower(a))) problems.push(`${what} grants the operator-only action ${a}: the app must never hold it`);
    }
  }
  for (const [what, list] of lists.slice(0, 3)) {
    for (const a of list) if (abacOnly.has(lower(a))) problems.push(`${what} grants ${a} unconditionally: that voids the ABAC condition`);
  }
  for (const a of subscriptionReads) if (!lower(a).endsWith('/read')) problems.push(`subscription reader role holds ${a}: only reads may be granted beyond the governed resource groups`);
  const allowedDelegate = new Set(DELEGATE_ROLE_ALLOWED_ACTIONS.map(lower));
  for (const a of delegateRole ?? []) if (!allowedDelegate.has(lower(a))) problems.push(`role assignment delegate holds ${a}: only role-assignment read/write/delete belong there`);
  for (const a of delegated) {
    if (!abacOnly.has(lower(a))) problems.push(`${a} is listed as ABAC-delegated but the ABAC condition does not cover it`);
    if (!(delegateRole ?? []).map(lower).includes(lower(a))) problems.push(`${a} is listed as ABAC-delegated but the delegate role does not hold it`);
  }

  // The split: creation-only writes live only in the optional, resource-group-scoped role.
  for (const a of operator) if (creationOnly.has(lower(a))) problems.push(`operator role grants ${a} subscription-wide: it belongs only to the workspace-creation role`);
  for (const a of subscriptionReads) if (creationOnly.has(lower(a))) problems.push(`subscription reader role grants ${a} subscription-wide: it belongs only to the workspace-creation role`);
  const creationSet = new Set((creation ?? []).map(lower));
  for (const a of app.workspaceCreationOnly) if (!creationSet.has(lower(a))) problems.push(`workspace-creation role lacks ${a}`);
  for (const a of creation ?? []) if (!creationOnly.has(lower(a))) problems.push(`workspace-creation role holds ${a}, which is not a workspace-creation-only action`);

  const delegatedSet = new Set(delegated.map(lower));
  const expected = app.all.filter((a) => !operatorOnly.has(lower(a)) && !delegatedSet.has(lower(a)));
  // The delegate role's read is unconditioned (the ABAC condition constrains its write and delete only).
  const granted = new Set([...operator, ...subscriptionReads, ...(creation ?? []), ...(delegateRole ?? []).filter((a) => !abacOnly.has(lower(a)))].map(lower));
  for (const a of expected) if (!granted.has(lower(a))) problems.push(`app action not granted by infra: ${a}`);
  for (const a of [...operator, ...subscriptionReads, ...(creation ?? []), ...delegated]) if (!appAll.has(lower(a))) problems.push(`infra grants an action the app does not use: ${a}`);
  return [...new Set(problems)];
}

/** No role anywhere in infra (Bicep string literals, JSON role files) holds a NEVER_GRANTED action. */
export function checkNeverGranted(texts: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const never = new Set(NEVER_GRANTED_ACTIONS.map((a) => a.toLowerCase()));
  for (const [file, text] of Object.entries(texts)) {
    const literals = file.endsWith('.json')
      ? [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '')
      : stringLiterals(stripBicepComments(text));
    for (const lit of literals) if (never.has(lit.toLowerCase())) problems.push(`${file} grants ${lit}`);
  }
  return problems;
}

/** Built-in roles that must never be assigned to the app (they bring wildcard reads or Microsoft.Authorization/*). */
export const FORBIDDEN_BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  'Role Based Access Control Administrator': 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
};

export function checkNoBroadBuiltInRoles(texts: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const [file, text] of Object.entries(texts)) {
    const code = file.endsWith('.json') ? text : stripBicepComments(text);
    for (const [name, guid] of Object.entries(FORBIDDEN_BUILT_IN_ROLES)) if (code.toLowerCase().includes(guid)) problems.push(`${file} refers to the built-in ${name} role (${guid})`);
  }
  return problems;
}

/**
 * Workspace creation is optional and resource-group scoped: the role definition is conditional on
 * allowWorkspaceCreation (default false), its assignment is made by a module scoped to resourceGroup(...) for each
 * listed group, and that module assigns at its resource group only.
 */
export function checkWorkspaceCreationSplit(roleModuleText: string, accessModuleText: string | undefined, mainText: string): string[] {
  const problems: string[] = [];
  const role = stripBicepComments(roleModuleText);
  const main = stripBicepComments(mainText);
  if (!/^param\s+allowWorkspaceCreation\s+bool\s*=\s*false\s*$/m.test(role)) problems.push('the role module lacks `param allowWorkspaceCreation bool = false`');
  if (!/^param\s+workspaceCreationResourceGroups\s+string\[\]\s*=\s*\[\]\s*$/m.test(role)) problems.push('the role module lacks `param workspaceCreationResourceGroups string[] = []`');
  if (!/^param\s+allowWorkspaceCreation\s+bool\s*=\s*false\s*$/m.test(main)) problems.push('main.bicep lacks `param allowWorkspaceCreation bool = false`');
  if (!/^param\s+workspaceCreationResourceGroups\s+string\[\]/m.test(main)) problems.push('main.bicep lacks `param workspaceCreationResourceGroups string[]`');
  if (!/resource\s+workspaceCreationRole\s+'Microsoft\.Authorization\/roleDefinitions@[^']+'\s*=\s*if\s*\(allowWorkspaceCreation\)/.test(role)) {
    problems.push('the workspace-creation role definition is not conditional on allowWorkspaceCreation');
  }
  if (!/\bvar\s+workspaceCreationGroupNames\s*=\s*allowWorkspaceCreation\s*\?/.test(role)) problems.push('workspaceCreationGroupNames does not depend on allowWorkspaceCreation');
  const loop = /module\s+\w+\s+'workspace-creation-access\.bicep'\s*=\s*\[for\s+(\w+)\s+in\s+workspaceCreationGroupNames\s*:\s*\{([\s\S]*?)\n\}\]/.exec(role);
  if (loop === null) problems.push('no workspace-creation-access module looped over workspaceCreationGroupNames');
  else if (!new RegExp(`scope\\s*:\\s*resourceGroup\\(${loop[1] ?? ''}\\)`).test(loop[2] ?? '')) problems.push('the workspace-creation access is not scoped to each listed resource group');
  // The operator role is assigned the same way, at each governed resource group only.
  const operatorLoop = /module\s+\w+\s+'governed-group-access\.bicep'\s*=\s*\[for\s+(\w+)\s+in\s+operatorGroupNames\s*:\s*\{([\s\S]*?)\n\}\]/.exec(role);
  if (operatorLoop === null) problems.push('no governed-group-access module looped over operatorGroupNames');
  else if (!new RegExp(`scope\\s*:\\s*resourceGroup\\(${operatorLoop[1] ?? ''}\\)`).test(operatorLoop[2] ?? '')) problems.push('the operator access is not scoped to each listed resource group');
  // Assignments the role module makes itself (subscription-wide): only the subscription reader and the delegate.
  for (const m of role.matchAll(/resource\s+(\w+)\s+'Microsoft\.Authorization\/roleAssignments@[^']+'\s*=\s*\{([\s\S]*?)\n\}/g)) {
    const assigned = /roleDefinitionId\s*:\s*([^\n]+)/.exec(m[2] ?? '')?.[1]?.trim() ?? '(none)';
    if (assigned !== 'subscriptionReaderRole.id' && assigned !== 'delegateRole.id') problems.push(`the role module assigns ${assigned} subscription-wide (${m[1] ?? '?'})`);
  }
  if (accessModuleText === undefined) return [...problems, 'missing modules/workspace-creation-access.bicep'];
  const access = stripBicepComments(accessModuleText);
  if (!/^targetScope\s*=\s*'resourceGroup'/m.test(access)) problems.push("workspace-creation-access.bicep is not targetScope = 'resourceGroup'");
  if (/\bscope\s*:/.test(access)) problems.push('workspace-creation-access.bicep assigns outside its resource group');
  if (!/principalType\s*:\s*'ServicePrincipal'/.test(access)) problems.push('workspace-creation assignment lacks principalType ServicePrincipal');
  return problems;
}

// ------------------------------------------------------------------------------------------------------------
// Custom approver roles pre-created by infra == catalog
// ------------------------------------------------------------------------------------------------------------

export interface ApproverCatalog {
  /** Catalog PE target types with approverRoleCovers: false, in catalog spelling. */
  uncoveredTypes: readonly string[];
  actionsOf: (resourceType: string) => string[];
  nameOf: (resourceType: string) => string;
}

interface RoleFileEntry {
  resourceType?: unknown;
  roleName?: unknown;
  actions?: unknown;
}

/** infra/custom-approver-roles.json: one entry per uncovered catalog type, actions and base name from the catalog. */
export function checkCustomApproverRoleFile(jsonText: string, catalog: ApproverCatalog): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonText);
  } catch (e) {
    return [`custom-approver-roles.json is not JSON: ${(e as Error).message}`];
  }
  const roles = (parsed as { roles?: unknown } | null)?.roles;
  if (!Array.isArray(roles)) return ['custom-approver-roles.json has no roles array'];
  const problems: string[] = [];
  const entries = roles as RoleFileEntry[];
  const types = entries.map((r) => (typeof r.resourceType === 'string' ? r.resourceType : ''));
  for (const t of catalog.uncoveredTypes) if (!types.includes(t)) problems.push(`no pre-created custom approver role for ${t} (catalog: approverRoleCovers false)`);
  for (const t of types) if (!catalog.uncoveredTypes.includes(t)) problems.push(`custom approver role for ${t || '(no type)'}, which is not an uncovered catalog type`);
  for (const t of types.filter((x, i) => types.indexOf(x) !== i)) problems.push(`custom approver role for ${t} listed twice`);
  for (const r of entries) {
    const t = typeof r.resourceType === 'string' ? r.resourceType : '';
    if (!catalog.uncoveredTypes.includes(t)) continue;
    const raw = Array.isArray(r.actions) ? (r.actions as unknown[]) : [];
    const actions = raw.filter((a): a is string => typeof a === 'string');
    const want = catalog.actionsOf(t);
    const same = actions.length === raw.length && actions.length === want.length && JSON.stringify([...actions].sort()) === JSON.stringify([...want].sort());
    if (!same) problems.push(`custom approver role for ${t}: actions ${JSON.stringify(raw)} differ from customApproverRoleActions: ${JSON.stringify(want)}`);
    if (r.roleName !== catalog.nameOf(t)) problems.push(`custom approver role for ${t}: roleName ${String(r.roleName)} is not customApproverRoleName: ${catalog.nameOf(t)}`);
  }
  return problems;
}

/**
 * Wiring of the pre-created roles: the module defines one role per file entry (actions from the file, assignable in
 * every governed subscription, deterministic GUID); main.bicep deploys it once and feeds its GUIDs to every target
 * module's ABAC allow-list and its setting string to the app (MNET_CUSTOM_APPROVER_ROLES).
 */
export function checkCustomApproverRoleWiring(moduleText: string | undefined, mainText: string, functionAppText: string, roleModuleText: string): string[] {
  if (moduleText === undefined) return ['missing modules/custom-approver-roles.bicep'];
  const problems: string[] = [];
  const mod = stripBicepComments(moduleText);
  const main = stripBicepComments(mainText);
  const fa = stripBicepComments(functionAppText);
  const role = stripBicepComments(roleModuleText);
  const required: readonly [RegExp, string][] = [
    [/\bvar\s+approverRoles\s*=\s*loadJsonContent\('\.\.\/custom-approver-roles\.json'\)\.roles\b/, 'the role list from infra/custom-approver-roles.json'],
    [/resource\s+\w+\s+'Microsoft\.Authorization\/roleDefinitions@[^']+'\s*=\s*\[for\s+\(role,\s*i\)\s+in\s+approverRoles\s*:/, 'one role definition per file entry'],
    [/\bname\s*:\s*roleGuids\[i\]/, 'role definitions named by the deterministic GUIDs'],
    [/\bvar\s+roleGuids\s*=\s*\[for\s+role\s+in\s+approverRoles\s*:\s*guid\(tenant\(\)\.tenantId,\s*environmentName,/, 'GUIDs deterministic per tenant, environment and type'],
    [/\bactions\s*:\s*role\.actions\b/, "actions exactly the file entry's"],
    [/\bvar\s+assignableScopes\s*=\s*\[for\s+id\s+in\s+assignableSubscriptionIds\s*:\s*'\/subscriptions\/\$\{id\}'\]/, 'assignable scopes = every governed subscription'],
    [/\bassignableScopes\s*:\s*assignableScopes\b/, 'role definitions using those assignable scopes'],
    [/\boutput\s+roleDefinitionGuids\s+string\[\]\s*=\s*roleGuids\b/, 'an output of the GUIDs'],
    [
      /\boutput\s+setting\s+string\s*=\s*join\(map\(range\(0,\s*length\(approverRoles\)\),\s*i\s*=>\s*'\$\{approverRoles\[i\]\.resourceType\}=\$\{roleGuids\[i\]\}'\),\s*';'\)/,
      'the setting output as <type>=<guid> pairs joined by ";"',
    ],
  ];
  for (const [re, what] of required) if (!re.test(mod)) problems.push(`custom-approver-roles.bicep lacks ${what}`);
  const m = /module\s+(\w+)\s+'modules\/custom-approver-roles\.bicep'\s*=\s*\{([\s\S]*?)\n\}/.exec(main);
  if (m === null) return [...problems, 'main.bicep does not deploy modules/custom-approver-roles.bicep'];
  const sym = m[1] ?? '';
  if (!/scope\s*:\s*subscription\(targets\[0\]\)/.test(m[2] ?? '')) problems.push('the custom approver roles are not created in a governed subscription (scope: subscription(targets[0]))');
  if (!/assignableSubscriptionIds\s*:\s*targets\b/.test(m[2] ?? '')) problems.push('the custom approver roles are not assignable in every governed subscription');
  if (!new RegExp(`customApproverRoles\\s*:\\s*${sym}\\.outputs\\.setting\\b`).test(main)) problems.push('the function app does not get the custom approver roles setting from the module');
  if (!new RegExp(`customApproverRoleGuids\\s*:\\s*${sym}\\.outputs\\.roleDefinitionGuids\\b`).test(main)) problems.push("the target subscriptions' ABAC allow-list does not get the pre-created role GUIDs");
  if (!/\{\s*name\s*:\s*'MNET_CUSTOM_APPROVER_ROLES'\s*,\s*value\s*:\s*customApproverRoles\s*\}/.test(fa)) problems.push('the function app does not set MNET_CUSTOM_APPROVER_ROLES from the pre-created roles');
  if (!/^param\s+customApproverRoleGuids\s+string\[\]\s*$/m.test(role)) problems.push('target-subscription.bicep customApproverRoleGuids must be a required string[] (fed from the pre-created roles)');
  if (/customApproverRoleGuidsCsv|param\s+customApproverRoleGuids\b/.test(main)) problems.push('main.bicep still takes hand-listed custom approver role GUIDs');
  return problems;
}

/** The MNET_CUSTOM_APPROVER_ROLES value the Bicep `setting` output produces for the given GUIDs (same format). */
export function simulatedSetting(jsonText: string, guidOf: (resourceType: string) => string): string {
  const roles = (JSON.parse(jsonText) as { roles: { resourceType: string }[] }).roles;
  return roles.map((r) => `${r.resourceType}=${guidOf(r.resourceType)}`).join(';');
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
  // The conditioned assignment is of the product's own delegate role (role-assignment actions only), never a
  // built-in role: Role Based Access Control Administrator would also grant a wildcard read and Microsoft.Support.
  const assignments = [...code.matchAll(/resource\s+\w+\s+'Microsoft\.Authorization\/roleAssignments@[^']+'\s*=\s*\{([\s\S]*?)\n\}/g)].map((m) => m[1] ?? '');
  const conditioned = assignments.filter((body) => /\bcondition\s*:\s*abacCondition\b/.test(body));
  if (conditioned.length !== 1) problems.push(`expected exactly one ABAC-conditioned role assignment, found ${conditioned.length}`);
  for (const body of conditioned) {
    if (!/\broleDefinitionId\s*:\s*delegateRole\.id\b/.test(body)) problems.push('the conditioned assignment is not of the role assignment delegate role (delegateRole)');
    if (!/principalType\s*:\s*'ServicePrincipal'/.test(body)) problems.push('the conditioned assignment lacks principalType ServicePrincipal');
  }
  for (const body of assignments) {
    if (/\broleDefinitionId\s*:\s*delegateRole\.id\b/.test(body) && !/\bcondition\s*:\s*abacCondition\b/.test(body)) problems.push('the delegate role is assigned without the ABAC condition');
  }
  if (!/resource\s+delegateRole\s+'Microsoft\.Authorization\/roleDefinitions@[^']+'\s*=\s*\{[\s\S]*?actions\s*:\s*roleAssignmentDelegateActions\b/.test(code)) {
    problems.push('delegateRole is not a custom role over roleAssignmentDelegateActions');
  }
  if (!/\bvar\s+approverRoleGuid\s*=\s*roles\.azureAiEnterpriseNetworkConnectionApprover\b/.test(code)) problems.push('approverRoleGuid does not come from roles.json');
  if (!/\bvar\s+assignableRoleGuids\s*=\s*union\(\[approverRoleGuid\],\s*customApproverRoleGuids\)/.test(code)) {
    problems.push('the assignable roles are not exactly the approver role plus the pre-created custom approver roles');
  }
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
  for (const m of code.matchAll(/(?<![\w/.'-])roles\.([A-Za-z0-9_]+)/g)) {
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

/**
 * The event subscription delivers ResourceWriteSuccess of ML workspaces to the app's storage queue `<queueName>`
 * (the queue the C# app's queue trigger reads, MNET_EVENT_QUEUE), with the system topic's managed identity.
 */
export function checkEventGrid(bicepText: string, queueName: string): string[] {
  const problems: string[] = [];
  const code = stripBicepComments(bicepText);
  const declared = /^param\s+eventQueueName\s+string\s*=\s*'([^']*)'/m.exec(code)?.[1];
  if (declared !== queueName) problems.push(`no event subscription targets the queue ${queueName} (found ${declared ?? 'none'})`);
  const required: readonly [RegExp, string][] = [
    [/Microsoft\.EventGrid\/systemTopics@/, 'an Event Grid system topic'],
    [/topicType\s*:\s*'Microsoft\.Resources\.Subscriptions'/, "topicType 'Microsoft.Resources.Subscriptions'"],
    [/location\s*:\s*'global'/, "the system topic at location 'global'"],
    [/Microsoft\.EventGrid\/systemTopics\/eventSubscriptions@/, 'an event subscription'],
    [/deliveryWithResourceIdentity\s*:\s*\{\s*identity\s*:\s*\{\s*type\s*:\s*'SystemAssigned'\s*\}\s*destination\s*:\s*\{\s*endpointType\s*:\s*'StorageQueue'/, "endpointType 'StorageQueue' delivered with the topic identity"],
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
