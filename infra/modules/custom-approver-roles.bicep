// The product's custom approver roles, pre-created here so the app never needs
// Microsoft.Authorization/roleDefinitions/write (an identity that may write role definitions can widen its own roles).
// ONE role definition per private-endpoint target type the built-in "Azure AI Enterprise Network Connection
// Approver" role does not cover (infra/custom-approver-roles.json, cross-checked against src/catalog by tests/infra),
// per deployment: role definitions are tenant-wide objects, so each is assignable in EVERY governed subscription.
// The app assigns them (to workspace identities, on private-endpoint targets) only through the ABAC-conditioned
// role assignment delegate (target-subscription.bicep), and finds them through MNET_CUSTOM_APPROVER_ROLES.
//
// Deployed with scope: subscription(<first governed subscription>) - a subscription inside the assignable scopes.
targetScope = 'subscription'

@description('azd environment name (role names and deterministic GUIDs).')
param environmentName string

@description('Governed subscription ids: every role is assignable in all of them.')
@minLength(1)
param assignableSubscriptionIds string[]

var approverRoles = loadJsonContent('../custom-approver-roles.json').roles
var assignableScopes = [for id in assignableSubscriptionIds: '/subscriptions/${id}']

// Deterministic per tenant, environment and type: re-provisioning updates the same definitions (e.g. when a
// governed subscription is added to the assignable scopes) and the GUIDs in the app setting never move.
var roleGuids = [for role in approverRoles: guid(tenant().tenantId, environmentName, 'mnet-autopilot-custom-approver', toLower(role.resourceType))]

resource customApproverRoles 'Microsoft.Authorization/roleDefinitions@2022-04-01' = [for (role, i) in approverRoles: {
  name: roleGuids[i]
  properties: {
    // Role names are unique per tenant: the catalog's name plus the environment.
    roleName: '${role.roleName} (${environmentName})'
    description: 'Lets an Azure Machine Learning workspace identity approve private endpoint connections on ${role.resourceType} (mnet-autopilot, ${environmentName}). Assigned by the app only on private-endpoint targets.'
    type: 'CustomRole'
    permissions: [
      {
        actions: role.actions
        notActions: []
        dataActions: []
        notDataActions: []
      }
    ]
    assignableScopes: assignableScopes
  }
}]

@description('GUIDs of the custom approver roles (the ABAC allow-list adds them to the built-in approver role).')
output roleDefinitionGuids string[] = roleGuids

@description('MNET_CUSTOM_APPROVER_ROLES: <resourceType>=<roleDefinitionGuid> pairs separated by ";".')
output setting string = join(map(range(0, length(approverRoles)), i => '${approverRoles[i].resourceType}=${roleGuids[i]}'), ';')
