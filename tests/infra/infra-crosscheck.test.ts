import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SETTINGS } from '../../src/config/settings';
import { ARM_ACTION_LIST, OPERATOR_ONLY_ACTIONS, WORKSPACE_CREATION_ONLY_ACTIONS } from '../../src/arm/actions';
import { APPROVER_ROLE, customApproverRoleActions, customApproverRoleName } from '../../src/catalog/approver-role';
import { PRIVATE_ENDPOINT_TARGET_TYPES } from '../../src/catalog/private-endpoint-targets';
import { parseCustomApproverRoles } from '../../src/config/settings';
import {
  appSettingNames,
  checkAbacCondition,
  checkApiVersions,
  checkCustomApproverRoleFile,
  checkCustomApproverRoleWiring,
  checkNeverGranted,
  checkNoBroadBuiltInRoles,
  checkWorkspaceCreationSplit,
  simulatedSetting,
  type ApproverCatalog,
  type AppActionSets,
  checkApproverRole,
  checkModuleWiring,
  checkEventGrid,
  checkParameterFiles,
  checkReadmePermissions,
  checkRoleActions,
  checkRoleGuids,
  checkSecureParams,
  checkSettings,
  checkTaskHub,
  readmeNotSetTable,
  stringArrayVar,
  stripBicepComments,
} from './infra-checks';

const ROOT = resolve(__dirname, '..', '..');
const INFRA = join(ROOT, 'infra');

/** The storage queue Event Grid delivers to: the C# app's queue trigger reads it (MNET_EVENT_QUEUE default). */
const EVENT_QUEUE = SETTINGS.find((s) => s.name === 'MNET_EVENT_QUEUE')?.defaultValue ?? '';

/** Built-in role GUIDs, verified against public Microsoft material (docs / Microsoft samples). */
const VERIFIED_BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
  azureAiEnterpriseNetworkConnectionApprover: APPROVER_ROLE.roleDefinitionGuid,
};

function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

const read = (path: string): string => readFileSync(path, 'utf8');
const bicepFiles = filesUnder(INFRA, '.bicep');
const infraText = bicepFiles.map(read).join('\n');
const roleModule = read(join(INFRA, 'modules', 'target-subscription.bicep'));
const readme = read(join(INFRA, 'README.md'));
const rolesJson = read(join(INFRA, 'roles.json'));
const approverRolesJson = read(join(INFRA, 'custom-approver-roles.json'));
const mainBicep = read(join(INFRA, 'main.bicep'));
const functionAppBicep = read(join(INFRA, 'modules', 'function-app.bicep'));
const approverRolesModule = read(join(INFRA, 'modules', 'custom-approver-roles.bicep'));
const creationAccessModule = read(join(INFRA, 'modules', 'workspace-creation-access.bicep'));
/** Every Bicep file and JSON role list under infra/, by path: nothing in them may grant role-definition writes. */
const roleTexts: Record<string, string> = { ...Object.fromEntries(bicepFiles.map((p) => [relative(INFRA, p), read(p)])), 'custom-approver-roles.json': approverRolesJson, 'roles.json': rolesJson };

/**
 * Actions the deployed C# ARM client (src/Mnet.Arm/Actions/ArmActions.cs) calls and this TypeScript client does not:
 * infra follows the C# app (tests/Mnet.Infra.Tests checks it against ArmActions exactly).
 */
const CSHARP_CLIENT_ONLY_ACTIONS: readonly string[] = [
  'Microsoft.Resources/subscriptions/read',
  // The posture audit's Resource Graph reads (ArmActions.ResourceGraphReads, issue 21).
  'Microsoft.Insights/privateLinkScopes/read',
  'Microsoft.Network/privateEndpoints/read',
  'Microsoft.Network/virtualNetworks/read',
];

/** The app's action sets (src/arm/actions.ts, plus the C# client's extra reads). */
const APP: AppActionSets = { all: [...ARM_ACTION_LIST, ...CSHARP_CLIENT_ONLY_ACTIONS], operatorOnly: OPERATOR_ONLY_ACTIONS, workspaceCreationOnly: WORKSPACE_CREATION_ONLY_ACTIONS };

/** The catalog's view of custom approver roles (src/catalog). */
const CATALOG: ApproverCatalog = {
  uncoveredTypes: PRIVATE_ENDPOINT_TARGET_TYPES.filter((t) => !t.approverRoleCovers).map((t) => t.resourceType),
  actionsOf: customApproverRoleActions,
  nameOf: customApproverRoleName,
};
const hostJson = read(join(ROOT, 'host.json'));
/** Bicep files keyed by their path under infra/ with '/' separators, as checkModuleWiring expects. */
const bicepByPath: Record<string, string> = Object.fromEntries(bicepFiles.map((p) => [relative(INFRA, p).split(/[\\/]/).join('/'), read(p)]));
const parameterFiles = Object.fromEntries(
  [...filesUnder(INFRA, '.parameters.json'), ...filesUnder(INFRA, '.bicepparam')].map((p) => [relative(ROOT, p), read(p)]),
);

/** Removes the first line that contains `needle` (proves a check notices a deletion). */
function withoutLine(text: string, needle: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `fixture: no line contains ${needle}`);
  lines.splice(i, 1);
  return lines.join('\n');
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture: text lacks ${from}`);
  return text.replace(from, to);
}

// ---------------------------------------------------------------------------------------------------------------
// The real checks
// ---------------------------------------------------------------------------------------------------------------

test('infra has the expected files', () => {
  for (const f of ['main.bicep', 'main.parameters.json', 'README.md', 'roles.json']) assert.ok(statSync(join(INFRA, f)).isFile(), f);
  assert.ok(bicepFiles.length >= 8, `found ${bicepFiles.length} Bicep files`);
  assert.ok(statSync(join(ROOT, 'azure.yaml')).isFile());
  const azureYaml = read(join(ROOT, 'azure.yaml'));
  assert.match(azureYaml, /^services:\s*\n\s+api:\s*\n(?:\s+.*\n)*?\s+host:\s*function\b/m);
  assert.match(azureYaml, /\bproject:\s*\.\/src\/Mnet\.Functions\s*$/m);
  assert.match(azureYaml, /\blanguage:\s*dotnet\b/);
  assert.match(infraText, /'azd-service-name':\s*'api'/);
});

test('(a) every setting the app reads is set by infra or documented as not set', () => {
  assert.deepEqual(checkSettings(infraText, readme, SETTINGS), []);
});

test('(b) the app is granted exactly ARM_ACTION_LIST - OPERATOR_ONLY_ACTIONS - ABAC-delegated actions (workspace-creation writes only through the optional module)', () => {
  assert.deepEqual(checkRoleActions(roleModule, APP), []);
  assert.ok(OPERATOR_ONLY_ACTIONS.includes('Microsoft.Authorization/roleDefinitions/write'));
});

test('roleDefinitions/write (and any wildcard that implies it) is granted nowhere in infra; no broad built-in role is used', () => {
  assert.deepEqual(checkNeverGranted(roleTexts), []);
  assert.deepEqual(checkNoBroadBuiltInRoles(roleTexts), []);
  assert.ok(!ARM_ACTION_LIST.includes('*/read'));
});

test('workspace creation: dependency writes granted only when allowWorkspaceCreation, only at the listed resource groups', () => {
  assert.deepEqual(checkWorkspaceCreationSplit(roleModule, creationAccessModule, mainBicep), []);
});

test('custom approver roles: one pre-created role per uncovered catalog type, actions = customApproverRoleActions(type)', () => {
  assert.ok(CATALOG.uncoveredTypes.length >= 3, 'Data Factory, Databricks, MariaDB at least');
  assert.deepEqual(checkCustomApproverRoleFile(approverRolesJson, CATALOG), []);
  // The file, parsed, against the catalog function's output for each uncovered type.
  const file = JSON.parse(approverRolesJson) as { roles: { resourceType: string; actions: string[] }[] };
  assert.deepEqual(file.roles.map((r) => r.resourceType).sort(), [...CATALOG.uncoveredTypes].sort());
  for (const r of file.roles) assert.deepEqual(r.actions, customApproverRoleActions(r.resourceType), r.resourceType);
});

test('custom approver roles: wired into the ABAC allow-list and MNET_CUSTOM_APPROVER_ROLES, in the format the app validates', () => {
  assert.deepEqual(checkCustomApproverRoleWiring(approverRolesModule, mainBicep, functionAppBicep, roleModule), []);
  const fakeGuid = (t: string): string => `00000000-0000-4000-8000-${(CATALOG.uncoveredTypes.indexOf(t) + 1).toString().padStart(12, '0')}`;
  const value = simulatedSetting(approverRolesJson, fakeGuid);
  const parsed = parseCustomApproverRoles(value);
  assert.deepEqual(Object.keys(parsed).sort(), [...CATALOG.uncoveredTypes].sort());
  for (const t of CATALOG.uncoveredTypes) assert.equal(parsed[t], fakeGuid(t));
  const spec = SETTINGS.find((x) => x.name === 'MNET_CUSTOM_APPROVER_ROLES');
  assert.ok(spec !== undefined && !spec.required && spec.defaultValue === '');
  assert.equal(spec.validate?.(value), undefined);
  assert.ok(appSettingNames(infraText).includes('MNET_CUSTOM_APPROVER_ROLES'));
});

test('the README explains the design: no role-definition writes, the delegate role, pre-created roles, workspace creation', () => {
  for (const needle of [
    'mnet-autopilot role assignment delegate',
    'MNET_CUSTOM_APPROVER_ROLES',
    '`allowWorkspaceCreation`',
    '`workspaceCreationResourceGroups`',
    'POST /workspaces',
    'custom-approver-roles.json',
    'not granted',
    'escalation',
  ]) {
    assert.ok(readme.includes(needle), `infra/README.md should mention ${needle}`);
  }
  assert.ok(!/readAnyResource/.test(readme), 'README still documents readAnyResource');
  assert.ok(!/MNET_CUSTOM_APPROVER_ROLE_GUIDS/.test(readme), 'README still documents the hand-listed GUIDs');
});

test('the ABAC condition constrains roles and principal types for write and delete', () => {
  assert.deepEqual(checkAbacCondition(roleModule), []);
});

test('(c) role GUIDs in infra are well-formed and equal the verified built-in values', () => {
  assert.deepEqual(checkRoleGuids(infraText, rolesJson, VERIFIED_BUILT_IN_ROLES), []);
});

test('(d) the approver role GUID in infra equals APPROVER_ROLE.roleDefinitionGuid', () => {
  assert.deepEqual(checkApproverRole(rolesJson, APPROVER_ROLE.roleDefinitionGuid), []);
});

test('(e) no parameter file holds a secret and no @secure() parameter has a default', () => {
  assert.ok(Object.keys(parameterFiles).length >= 1);
  assert.deepEqual(checkParameterFiles(parameterFiles), []);
  assert.deepEqual(checkSecureParams(infraText), []);
});

test('(f) the task hub setting host.json reads is set by infra', () => {
  assert.deepEqual(checkTaskHub(hostJson, infraText), []);
});

test(`(g) the event subscription delivers to the storage queue ${EVENT_QUEUE}`, () => {
  assert.deepEqual(checkEventGrid(infraText, EVENT_QUEUE), []);
});

test('the README explains every ARM action, and API versions are stable and consistent', () => {
  assert.deepEqual(checkReadmePermissions(readme, ARM_ACTION_LIST), []);
  assert.deepEqual(checkApiVersions(infraText), []);
});

test('modules are wired consistently: passed params exist, required params are passed, obvious types agree', () => {
  assert.ok(Object.keys(bicepByPath).includes('modules/target-subscription.bicep'));
  assert.deepEqual(checkModuleWiring(bicepByPath), []);
});

test('Flex Consumption with identity-based storage and telemetry', () => {
  const code = stripBicepComments(infraText);
  assert.match(code, /name:\s*'FC1'\s*tier:\s*'FlexConsumption'/);
  assert.match(code, /Microsoft\.Web\/sites@(\d{4})-/);
  const siteVersion = /Microsoft\.Web\/sites@(\d{4}-\d{2}-\d{2})/.exec(code)?.[1] ?? '';
  assert.ok(siteVersion >= '2023-12-01', `functionAppConfig needs Microsoft.Web/sites 2023-12-01+, found ${siteVersion}`);
  assert.match(code, /allowSharedKeyAccess:\s*false/);
  assert.match(code, /\{ name: 'AzureWebJobsStorage__credential', value: 'managedidentity' \}/);
  assert.match(code, /'ClientId=\$\{identityClientId\};Authorization=AAD'/);
  assert.match(code, /DisableLocalAuth:\s*true/);
  for (const role of ['storageBlobDataOwner', 'storageQueueDataContributor', 'storageTableDataContributor', 'monitoringMetricsPublisher']) {
    assert.match(code, new RegExp(`roles\\.${role}\\b`), role);
  }
  // The parameters the brief names exist in main.bicep.
  const main = stripBicepComments(read(join(INFRA, 'main.bicep')));
  for (const p of ['environmentName', 'location', 'targetSubscriptionIds', 'driftSchedule', 'policyPath', 'approverAuth', 'entraTenantId', 'entraAudience', 'allowedApproverAppRole', 'armWritesPerSecond', 'armRequestsPerSecond', 'taskHubName']) {
    assert.match(main, new RegExp(`^param\\s+${p}\\s`, 'm'), p);
  }
  assert.match(main, /param driftSchedule string = '0 0 \*\/6 \* \* \*'/);
  assert.match(main, /scope:\s*subscription\(subscriptionId\)/);
});

// ---------------------------------------------------------------------------------------------------------------
// Parsing helpers behave
// ---------------------------------------------------------------------------------------------------------------

test('helpers ignore comments and read arrays and tables', () => {
  const bicep = [
    "var xs = [ // comment ]",
    "  'a'",
    "  // 'commented'",
    "  '${interpolated}'",
    "  'b]'",
    ']',
    "appSettings: [ { name: 'ONE', value: 'x' }",
    "/* { name: 'HIDDEN', value: '' } */",
    "{ name: 'TWO', value: 'y[' } ]",
  ].join('\n');
  assert.deepEqual(stringArrayVar(bicep, 'xs'), ['a', 'b]']);
  assert.deepEqual(appSettingNames(bicep), ['ONE', 'TWO']);
  const table = readmeNotSetTable('# x\n## Settings not set by infra\n| Setting | Reason |\n|---|---|\n| `A_B` | because |\n## next\n| `C` | no |\n');
  assert.deepEqual([...table.entries()], [['A_B', 'because']]);
});

// ---------------------------------------------------------------------------------------------------------------
// Mutation tests: each check reports a deliberately broken copy of the real infra text
// ---------------------------------------------------------------------------------------------------------------

test('mutation: a removed app setting is reported', () => {
  const broken = withoutLine(infraText, "name: 'MNET_DRIFT_SCHEDULE'");
  assert.ok(checkSettings(broken, readme, SETTINGS).some((p) => p.includes('MNET_DRIFT_SCHEDULE')));
});

test('mutation: a commented-out app setting does not count', () => {
  const broken = replaceOnce(infraText, "{ name: 'MNET_POLICY_DIR'", "// { name: 'MNET_POLICY_DIR'");
  assert.ok(checkSettings(broken, readme, SETTINGS).some((p) => p.includes('MNET_POLICY_DIR')));
});

test('mutation: identity-based storage and Flex runtime mappings are enforced', () => {
  const noAccount = withoutLine(infraText, "name: 'AzureWebJobsStorage__accountName'");
  assert.ok(checkSettings(noAccount, readme, SETTINGS).some((p) => p.includes('AzureWebJobsStorage__accountName')));
  const plain = replaceOnce(infraText, "{ name: 'AZURE_CLIENT_ID'", "{ name: 'AzureWebJobsStorage', value: 'x' }\n        { name: 'AZURE_CLIENT_ID'");
  assert.ok(checkSettings(plain, readme, SETTINGS).some((p) => p.includes('must not be a plain app setting')));
  const wrongRuntime = replaceOnce(infraText, "name: 'dotnet-isolated'", "name: 'python'");
  assert.ok(checkSettings(wrongRuntime, readme, SETTINGS).some((p) => p.includes('FUNCTIONS_WORKER_RUNTIME')));
  const flexInvalid = replaceOnce(infraText, "{ name: 'AZURE_CLIENT_ID'", "{ name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }\n        { name: 'AZURE_CLIENT_ID'");
  assert.ok(checkSettings(flexInvalid, readme, SETTINGS).some((p) => p.includes('not a valid app setting on Flex')));
});

test('mutation: README "not set" table must give reasons, stay current and cannot excuse required settings', () => {
  const noReason = readme.replace(/\| `MNET_SNAPSHOT_DIR` \|[^\n]*\|/, '| `MNET_SNAPSHOT_DIR` |  |');
  assert.ok(checkSettings(infraText, noReason, SETTINGS).some((p) => p.includes('without a reason')));
  const dropped = readme.replace(/\| `MNET_SNAPSHOT_DIR` \|[^\n]*\|\n/, '');
  assert.ok(checkSettings(infraText, dropped, SETTINGS).some((p) => p.includes('MNET_SNAPSHOT_DIR')));
  const required = withoutLine(infraText, "name: 'MNET_SUBSCRIPTIONS'");
  const excused = readme.replace('### Settings not set by infra\n\n| Setting | Reason |\n|---|---|\n', '### Settings not set by infra\n\n| Setting | Reason |\n|---|---|\n| `MNET_SUBSCRIPTIONS` | nope |\n');
  assert.notEqual(excused, readme, 'fixture: README table header changed');
  assert.ok(checkSettings(required, excused, SETTINGS).some((p) => p.includes('MNET_SUBSCRIPTIONS is required')));
  const stale = excused; // lists a setting infra does set
  assert.ok(checkSettings(infraText, stale, SETTINGS).some((p) => p.includes('lists it as not set')));
  const unknown = [...SETTINGS, { name: 'MNET_NEW_SETTING', required: false }];
  assert.ok(checkSettings(infraText, readme, unknown).some((p) => p.includes('MNET_NEW_SETTING')));
});

test('mutation: a removed action, an extra action, a wildcard and an unconditioned role-assignment write are reported', () => {
  const removed = withoutLine(roleModule, "'Microsoft.MachineLearningServices/workspaces/outboundRules/delete'");
  assert.ok(checkRoleActions(removed, APP).some((p) => p.includes('not granted') && p.includes('outboundRules/delete')));
  const extra = replaceOnce(roleModule, "  'Microsoft.Authorization/locks/read'\n", "  'Microsoft.Authorization/locks/read'\n  'Microsoft.Compute/virtualMachines/delete'\n");
  assert.ok(checkRoleActions(extra, APP).some((p) => p.includes('does not use') && p.includes('virtualMachines/delete')));
  const wildcard = replaceOnce(roleModule, "  'Microsoft.Authorization/locks/read'\n", "  'Microsoft.MachineLearningServices/*'\n");
  assert.ok(checkRoleActions(wildcard, APP).some((p) => p.includes('wildcard')));
  const unconditioned = replaceOnce(roleModule, "  'Microsoft.Authorization/locks/read'\n", "  'Microsoft.Authorization/locks/read'\n  'Microsoft.Authorization/roleAssignments/write'\n");
  assert.ok(checkRoleActions(unconditioned, APP).some((p) => p.includes('voids the ABAC condition')));
  const newAppAction = { ...APP, all: [...APP.all, 'Microsoft.Network/networkSecurityGroups/read'] };
  assert.ok(checkRoleActions(roleModule, newAppAction).some((p) => p.includes('Microsoft.Network/networkSecurityGroups/read')));
  const unused = replaceOnce(roleModule, 'actions: operatorRoleActions', "actions: ['*']");
  assert.ok(checkRoleActions(unused, APP).some((p) => p.includes('does not use operatorRoleActions')));
});

test('mutation: roleDefinitions/write granted to the app (operator role, delegate, anywhere) is reported', () => {
  const inOperator = replaceOnce(roleModule, "  'Microsoft.Authorization/roleDefinitions/read'\n", "  'Microsoft.Authorization/roleDefinitions/read'\n  'Microsoft.Authorization/roleDefinitions/write'\n");
  assert.ok(checkRoleActions(inOperator, APP).some((p) => p.includes('operator-only action Microsoft.Authorization/roleDefinitions/write')));
  assert.ok(checkNeverGranted({ ...roleTexts, 'modules/target-subscription.bicep': inOperator }).some((p) => p.includes('roleDefinitions/write')));
  const inDelegate = replaceOnce(roleModule, "  'Microsoft.Authorization/roleAssignments/delete'\n", "  'Microsoft.Authorization/roleAssignments/delete'\n  'Microsoft.Authorization/roleDefinitions/write'\n");
  const delegateProblems = checkRoleActions(inDelegate, APP);
  assert.ok(delegateProblems.some((p) => p.includes('role assignment delegate holds Microsoft.Authorization/roleDefinitions/write')));
  const star = replaceOnce(roleModule, "  'Microsoft.Authorization/roleAssignments/delete'\n", "  'Microsoft.Authorization/roleAssignments/delete'\n  '*'\n");
  assert.ok(checkNeverGranted({ 'x.bicep': star }).some((p) => p.includes("grants *")));
  const inJson = approverRolesJson.replace('"Microsoft.DataFactory/factories/read"', '"Microsoft.Authorization/roleDefinitions/write"');
  assert.ok(checkNeverGranted({ 'custom-approver-roles.json': inJson }).length > 0);
  // The app's own list must keep it operator-only.
  assert.ok(checkRoleActions(roleModule, { ...APP, operatorOnly: [] }).some((p) => p.includes('not granted') && p.includes('roleDefinitions/write')));
  const readAll = replaceOnce(roleModule, "  'Microsoft.Authorization/locks/read'\n", "  '*/read'\n  'Microsoft.Authorization/locks/read'\n");
  assert.ok(checkNeverGranted({ 'x.bicep': readAll }).some((p) => p.includes('*/read')));
  assert.ok(checkNoBroadBuiltInRoles({ 'x.bicep': "var r = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168'" }).some((p) => p.includes('Role Based Access Control Administrator')));
});

test('mutation: dependency writes moved back into the operator role, or the optional module unscoped / unconditioned, are reported', () => {
  const back = replaceOnce(roleModule, "  'Microsoft.Storage/storageAccounts/read'\n]", "  'Microsoft.Storage/storageAccounts/read'\n  'Microsoft.Storage/storageAccounts/write'\n]");
  assert.ok(checkRoleActions(back, APP).some((p) => p.includes('subscription-wide') && p.includes('storageAccounts/write')));
  const missing = withoutLine(roleModule, "  'Microsoft.KeyVault/vaults/write'");
  assert.ok(checkRoleActions(missing, APP).some((p) => p.includes('workspace-creation role lacks Microsoft.KeyVault/vaults/write')));
  const always = replaceOnce(roleModule, "= if (allowWorkspaceCreation) {", '= {');
  assert.ok(checkWorkspaceCreationSplit(always, creationAccessModule, mainBicep).some((p) => p.includes('not conditional')));
  const defaultOn = replaceOnce(roleModule, 'param allowWorkspaceCreation bool = false', 'param allowWorkspaceCreation bool = true');
  assert.ok(checkWorkspaceCreationSplit(defaultOn, creationAccessModule, mainBicep).some((p) => p.includes('allowWorkspaceCreation bool = false')));
  const subWide = replaceOnce(roleModule, 'scope: resourceGroup(groupName)', 'scope: subscription()');
  assert.ok(checkWorkspaceCreationSplit(subWide, creationAccessModule, mainBicep).some((p) => p.includes('not scoped to each listed resource group')));
  const direct = `${roleModule}\nresource extra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: 'x'\n  properties: {\n    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', workspaceCreationRoleGuid)\n  }\n}\n`;
  assert.ok(checkWorkspaceCreationSplit(direct, creationAccessModule, mainBicep).some((p) => p.includes('subscription-wide')));
  assert.ok(checkWorkspaceCreationSplit(roleModule, creationAccessModule.replace("targetScope = 'resourceGroup'", "targetScope = 'subscription'"), mainBicep).length > 0);
});

test('mutation: custom approver roles out of step with the catalog or unwired are reported', () => {
  const dropped = JSON.stringify({ roles: (JSON.parse(approverRolesJson) as { roles: { resourceType: string }[] }).roles.filter((r) => r.resourceType !== 'Microsoft.Databricks/workspaces') });
  assert.ok(checkCustomApproverRoleFile(dropped, CATALOG).some((p) => p.includes('Microsoft.Databricks/workspaces')));
  const widened = approverRolesJson.replace('"Microsoft.DataFactory/factories/read",', '"Microsoft.DataFactory/factories/read",\n        "Microsoft.DataFactory/factories/write",');
  assert.notEqual(widened, approverRolesJson);
  assert.ok(checkCustomApproverRoleFile(widened, CATALOG).some((p) => p.includes('Microsoft.DataFactory/factories') && p.includes('differ')));
  const covered = approverRolesJson.replace(/Microsoft\.DBforMariaDB\/servers/g, 'Microsoft.Sql/servers');
  assert.ok(checkCustomApproverRoleFile(covered, CATALOG).some((p) => p.includes('Microsoft.Sql/servers')));
  const newType = { ...CATALOG, uncoveredTypes: [...CATALOG.uncoveredTypes, 'Contoso.Widgets/widgets'] };
  assert.ok(checkCustomApproverRoleFile(approverRolesJson, newType).some((p) => p.includes('Contoso.Widgets/widgets')));
  const noSetting = replaceOnce(mainBicep, 'customApproverRoles: customApproverRoleDefinitions.outputs.setting', "customApproverRoles: ''");
  assert.ok(checkCustomApproverRoleWiring(approverRolesModule, noSetting, functionAppBicep, roleModule).some((p) => p.includes('setting')));
  const noAbac = replaceOnce(mainBicep, 'customApproverRoleGuids: customApproverRoleDefinitions.outputs.roleDefinitionGuids', 'customApproverRoleGuids: []');
  assert.ok(checkCustomApproverRoleWiring(approverRolesModule, noAbac, functionAppBicep, roleModule).some((p) => p.includes('ABAC allow-list')));
  const oneSub = replaceOnce(approverRolesModule, 'assignableScopes: assignableScopes', 'assignableScopes: [subscription().id]');
  assert.ok(checkCustomApproverRoleWiring(oneSub, mainBicep, functionAppBicep, roleModule).some((p) => p.includes('assignable scopes')));
  const ownActions = replaceOnce(approverRolesModule, 'actions: role.actions', "actions: ['*']");
  assert.ok(checkCustomApproverRoleWiring(ownActions, mainBicep, functionAppBicep, roleModule).some((p) => p.includes("file entry's")));
  const handListed = replaceOnce(roleModule, 'var assignableRoleGuids = union([approverRoleGuid], customApproverRoleGuids)', "var assignableRoleGuids = union([approverRoleGuid], customApproverRoleGuids, ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635'])");
  assert.ok(checkAbacCondition(handListed).some((p) => p.includes('assignable roles')));
  assert.throws(() => parseCustomApproverRoles('Microsoft.Storage/storageAccounts=00000000-0000-4000-8000-000000000001'), /covered by the built-in approver role/);
  assert.throws(() => parseCustomApproverRoles('Microsoft.DataFactory/factories=not-a-guid'), /not a role definition GUID/);
});

test('mutation: a weakened ABAC condition is reported', () => {
  const noPrincipalType = withoutLine(roleModule, "@Request[Microsoft.Authorization/roleAssignments:PrincipalType]");
  assert.ok(checkAbacCondition(noPrincipalType).length > 0);
  const noDelete = roleModule.replace("!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})", '');
  assert.ok(checkAbacCondition(noDelete).some((p) => p.includes('roleAssignments/delete')));
  const noVersion = replaceOnce(roleModule, "conditionVersion: '2.0'", "conditionVersion: '1.0'");
  assert.ok(checkAbacCondition(noVersion).some((p) => p.includes('conditionVersion')));
  const builtIn = replaceOnce(roleModule, '    roleDefinitionId: delegateRole.id\n', "    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'f58310d9-a9f6-439a-9e8d-f62e7b41a168')\n");
  assert.ok(checkAbacCondition(builtIn).some((p) => p.includes('delegate role')));
  const noCondition = replaceOnce(roleModule, '    condition: abacCondition\n', '');
  assert.ok(checkAbacCondition(noCondition).length > 0);
});

test('mutation: a malformed or wrong role GUID is reported', () => {
  const malformed = replaceOnce(rolesJson, '3913510d-42f4-4e42-8a64-420c390055eb', '3913510d-42f4-4e42-8a64-420c390055e');
  assert.ok(checkRoleGuids(infraText, malformed, VERIFIED_BUILT_IN_ROLES).some((p) => p.includes('monitoringMetricsPublisher')));
  const wrong = replaceOnce(rolesJson, '974c5e8b-45b9-4653-ba55-5f855dd0fb88', '974c5e8b-45b9-4653-ba55-5f855dd0fb89');
  assert.ok(checkRoleGuids(infraText, wrong, VERIFIED_BUILT_IN_ROLES).some((p) => p.includes('storageQueueDataContributor')));
  const literal = `${infraText}\nvar typo = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955'\n`;
  assert.ok(checkRoleGuids(literal, rolesJson, VERIFIED_BUILT_IN_ROLES).some((p) => p.includes('malformed GUID literal')));
  const undefinedRole = `${infraText}\nvar x = roles.contributor\n`;
  assert.ok(checkRoleGuids(undefinedRole, rolesJson, VERIFIED_BUILT_IN_ROLES).some((p) => p.includes('roles.contributor')));
  const approver = replaceOnce(rolesJson, 'b556d68e-0be0-4f35-a333-ad7ee1ce17ea', 'b556d68e-0be0-4f35-a333-ad7ee1ce17eb');
  assert.ok(checkApproverRole(approver, APPROVER_ROLE.roleDefinitionGuid).length > 0);
});

test('mutation: secrets in parameter files and defaulted @secure() params are reported', () => {
  const withKey = { 'p.json': JSON.stringify({ parameters: { storage: { value: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==' } } }) };
  assert.ok(checkParameterFiles(withKey).length > 0);
  const withSas = { 'p.json': JSON.stringify({ parameters: { url: { value: 'https://a.blob.core.windows.net/c?sv=2022&sig=abc' } } }) };
  assert.ok(checkParameterFiles(withSas).length > 0);
  const secretName = { 'p.json': JSON.stringify({ parameters: { clientSecret: { value: '${CLIENT_SECRET}' } } }) };
  assert.ok(checkParameterFiles(secretName).some((p) => p.includes('clientSecret')));
  assert.ok(checkParameterFiles({ 'p.json': '{ not json' }).length > 0);
  assert.deepEqual(checkSecureParams("@secure()\nparam adminPassword string\n"), []);
  assert.ok(checkSecureParams("@secure()\n@description('x')\nparam adminPassword string = 'P@ssw0rd'\n").some((p) => p.includes('adminPassword')));
});

test('mutation: an unset task hub setting and a renamed Event Grid queue are reported', () => {
  const noHub = withoutLine(infraText, "name: 'MNET_TASK_HUB'");
  assert.ok(checkTaskHub(hostJson, noHub).some((p) => p.includes('MNET_TASK_HUB')));
  assert.ok(checkTaskHub(hostJson.replace('%MNET_TASK_HUB%', 'fixedhub'), infraText).length > 0);
  const renamed = replaceOnce(infraText, `param eventQueueName string = '${EVENT_QUEUE}'`, "param eventQueueName string = 'events'");
  assert.ok(checkEventGrid(renamed, EVENT_QUEUE).some((p) => p.includes(EVENT_QUEUE)));
  const noDeadLetter = infraText.replace(/deadLetterWithResourceIdentity/g, 'deadLetterDestination');
  assert.ok(checkEventGrid(noDeadLetter, EVENT_QUEUE).some((p) => p.includes('dead-letter')));
});

test('mutation: preview or mixed API versions and undocumented actions are reported', () => {
  assert.ok(checkApiVersions(`${infraText}\nresource x 'Microsoft.Web/sites@2023-01-01-preview' existing = { name: 'x' }\n`).length > 0);
  assert.ok(checkApiVersions(`${infraText}\nresource y 'Microsoft.Web/sites@2023-12-01' existing = { name: 'y' }\n`).some((p) => p.includes('both')));
  const undocumented = readme.replace('`Microsoft.Authorization/locks/read`', 'locks read');
  assert.ok(checkReadmePermissions(undocumented, ARM_ACTION_LIST).some((p) => p.includes('locks/read')));
});

test('mutation: module wiring errors are reported', () => {
  const fa = bicepByPath['modules/function-app.bicep'] ?? '';
  const retyped = { ...bicepByPath, 'modules/function-app.bicep': replaceOnce(fa, 'param taskHubName string', 'param taskHubName int') };
  assert.ok(checkModuleWiring(retyped).some((p) => p.includes('taskHubName as string')));
  const renamed = { ...bicepByPath, 'modules/function-app.bicep': replaceOnce(fa, 'param policyDir string', 'param policyFolder string') };
  const problems = checkModuleWiring(renamed);
  assert.ok(problems.some((p) => p.includes('passes policyDir')));
  assert.ok(problems.some((p) => p.includes('required policyFolder')));
  const { ['modules/deadletter-access.bicep']: _gone, ...missing } = bicepByPath;
  assert.ok(checkModuleWiring(missing).some((p) => p.includes('missing modules/deadletter-access.bicep')));
});
