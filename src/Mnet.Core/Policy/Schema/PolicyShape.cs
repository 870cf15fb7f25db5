using Mnet.Core.Policy.Syntax;
using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Schema;

/// <summary>
/// The shape of a policy document (docs/policy.md, "Keys and defaults"): every mapping is strict, every optional
/// setting gets its default. Semantic rules (modes, ports, targets, ...) live in Rules/; this only says which keys
/// exist and what they hold. Each section is judged on its own so the rules can still run on the valid ones.
/// </summary>
internal static class PolicyShape
{
    private static readonly string[] Keys =
    [
        "name", "scope", "managed_network", "rule_packs", "rule_pack_options", "provisioning", "compute_migration",
        "approver_roles", "public_network_access", "image_build_compute", "drift",
    ];

    public static PolicyView Read(PolicyMapping raw, ProblemSink sink)
    {
        var before = sink.Count;
        var reader = new ShapeReader(sink);
        reader.Mapping(raw, [], Keys);
        var name = reader.OptionalString(raw["name"], ["name"], nonEmpty: true);
        var scope = ScopeShape.Read(reader, raw["scope"]);
        var network = ManagedNetworkShape.Read(reader, raw["managed_network"]);
        // An empty YAML list (`rule_packs:` with nothing under it) is null: treat it as [].
        var packs = reader.StringList(raw["rule_packs"], ["rule_packs"], nullIsEmpty: true);
        var packOptions = SettingsShape.RulePackOptions(reader, raw["rule_pack_options"]);
        var provisioning = SettingsShape.Provisioning(reader, raw["provisioning"]);
        var migration = SettingsShape.ComputeMigration(reader, raw["compute_migration"]);
        var approverRoles = SettingsShape.ApproverRoles(reader, raw["approver_roles"]);
        var access = reader.OneOf(raw["public_network_access"], ["public_network_access"],
            PolicyEnumNames.PublicNetworkAccessValues);
        var imageBuild = reader.OptionalString(raw["image_build_compute"], ["image_build_compute"]);
        var drift = SettingsShape.Drift(reader, raw["drift"]);
        return new PolicyView
        {
            Raw = raw,
            ShapeValid = sink.Count == before,
            Name = name.Ok ? name.Value : null,
            Scope = scope,
            Mode = network.Mode,
            FirewallSku = network.FirewallSku,
            Rules = network.Rules,
            RuleCount = network.RuleCount,
            RulesComplete = network.RulesComplete,
            RulePacks = packs.Ok ? packs.Value : null,
            RulePackOptions = packOptions,
            Provisioning = provisioning,
            ComputeMigration = migration,
            ApproverRoles = approverRoles,
            PublicNetworkAccess = access.Ok ? access.Value : null,
            PublicNetworkAccessValid = access.Ok,
            ImageBuildCompute = imageBuild.Ok ? imageBuild.Value : null,
            Drift = drift,
        };
    }
}
