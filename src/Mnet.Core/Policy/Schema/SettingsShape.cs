using Mnet.Core.Policy.Syntax;
using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Schema;

/// <summary>
/// The optional settings sections. Absent, or written with nothing under it (<c>drift:</c>), a section takes all its
/// defaults: the property initialisers of the model records.
/// </summary>
internal static class SettingsShape
{
    public static PolicyRulePackOptions? RulePackOptions(ShapeReader reader, PolicyNode? node)
    {
        PathSegment[] path = ["rule_pack_options"];
        if (Section(reader, node, path, ["prompt_flow"]) is not { } section) return null;
        if (section.Value is null) return new PolicyRulePackOptions();
        var promptFlow = section.Value["prompt_flow"];
        if (promptFlow is null) return section.Ok ? new PolicyRulePackOptions() : null;
        PathSegment[] at = [.. path, "prompt_flow"];
        var mapping = reader.Mapping(promptFlow, at, ["ai_services_resource_id", "ai_search_resource_id"]);
        if (mapping.Value is not { } options) return null;
        var services = reader.OptionalString(options["ai_services_resource_id"], [.. at, "ai_services_resource_id"]);
        var search = reader.OptionalString(options["ai_search_resource_id"], [.. at, "ai_search_resource_id"]);
        if (!section.Ok || !mapping.Ok || !services.Ok || !search.Ok) return null;
        return new PolicyRulePackOptions
        {
            PromptFlow = new PromptFlowPackOptions
            {
                AiServicesResourceId = services.Value,
                AiSearchResourceId = search.Value,
            },
        };
    }

    public static PolicyProvisioning? Provisioning(ShapeReader reader, PolicyNode? node)
    {
        PathSegment[] path = ["provisioning"];
        var defaults = new PolicyProvisioning();
        string[] keys = ["provision_now", "include_spark", "timeout_minutes"];
        if (Section(reader, node, path, keys) is not { } section) return null;
        if (section.Value is null) return defaults;
        var now = reader.Bool(section.Value["provision_now"], [.. path, "provision_now"], defaults.ProvisionNow);
        var spark = reader.Bool(section.Value["include_spark"], [.. path, "include_spark"], defaults.IncludeSpark);
        var timeout = reader.PositiveInt(section.Value["timeout_minutes"], [.. path, "timeout_minutes"],
            defaults.TimeoutMinutes);
        return section.Ok && now.Ok && spark.Ok && timeout.Ok
            ? new PolicyProvisioning
            {
                ProvisionNow = now.Value,
                IncludeSpark = spark.Value,
                TimeoutMinutes = timeout.Value,
            }
            : null;
    }

    public static PolicyComputeMigration? ComputeMigration(ShapeReader reader, PolicyNode? node)
    {
        PathSegment[] path = ["compute_migration"];
        var defaults = new PolicyComputeMigration();
        string[] keys = ["mode", "approval_timeout_hours", "skip_unsupported", "max_parallel_deletes"];
        if (Section(reader, node, path, keys) is not { } section) return null;
        if (section.Value is null) return defaults;
        var names = PolicyEnumNames.ComputeMigrationModes;
        var mode = reader.OneOf(section.Value["mode"], [.. path, "mode"], [.. names.Select(m => m.Name)],
            fallback: PolicyEnumNames.Name(defaults.Mode));
        var hours = reader.PositiveInt(section.Value["approval_timeout_hours"], [.. path, "approval_timeout_hours"],
            defaults.ApprovalTimeoutHours);
        var skip = reader.Bool(section.Value["skip_unsupported"], [.. path, "skip_unsupported"],
            defaults.SkipUnsupported);
        var deletes = reader.PositiveInt(section.Value["max_parallel_deletes"], [.. path, "max_parallel_deletes"],
            defaults.MaxParallelDeletes);
        if (!section.Ok || !mode.Ok || !hours.Ok || !skip.Ok || !deletes.Ok) return null;
        return new PolicyComputeMigration
        {
            Mode = names.First(m => m.Name == mode.Value).Mode,
            ApprovalTimeoutHours = hours.Value!.Value,
            SkipUnsupported = skip.Value,
            MaxParallelDeletes = deletes.Value!.Value,
        };
    }

    public static PolicyApproverRoles? ApproverRoles(ShapeReader reader, PolicyNode? node)
    {
        PathSegment[] path = ["approver_roles"];
        var defaults = new PolicyApproverRoles();
        if (Section(reader, node, path, ["assign", "custom_role_for_uncovered_types"]) is not { } section) return null;
        if (section.Value is null) return defaults;
        var assign = reader.Bool(section.Value["assign"], [.. path, "assign"], defaults.Assign);
        var custom = reader.Bool(section.Value["custom_role_for_uncovered_types"],
            [.. path, "custom_role_for_uncovered_types"], defaults.CustomRoleForUncoveredTypes);
        return section.Ok && assign.Ok && custom.Ok
            ? new PolicyApproverRoles { Assign = assign.Value, CustomRoleForUncoveredTypes = custom.Value }
            : null;
    }

    public static PolicyDrift? Drift(ShapeReader reader, PolicyNode? node)
    {
        PathSegment[] path = ["drift"];
        var defaults = new PolicyDrift();
        if (Section(reader, node, path, ["mode", "max_workspaces_per_run"]) is not { } section) return null;
        if (section.Value is null) return defaults;
        var names = PolicyEnumNames.DriftModes;
        var mode = reader.OneOf(section.Value["mode"], [.. path, "mode"], [.. names.Select(m => m.Name)],
            fallback: PolicyEnumNames.Name(defaults.Mode));
        var max = reader.PositiveInt(section.Value["max_workspaces_per_run"], [.. path, "max_workspaces_per_run"],
            defaults.MaxWorkspacesPerRun);
        if (!section.Ok || !mode.Ok || !max.Ok) return null;
        return new PolicyDrift
        {
            Mode = names.First(m => m.Name == mode.Value).Mode,
            MaxWorkspacesPerRun = max.Value!.Value,
        };
    }

    /// <summary>
    /// The section's mapping: Value null (Ok) when absent or empty, so all defaults apply; null when it is not a
    /// mapping at all. Ok is false when it has unknown keys (its fields are still checked).
    /// </summary>
    private static ShapeResult<PolicyMapping?>? Section(ShapeReader reader, PolicyNode? node, PathSegment[] path,
        IReadOnlyList<string> keys)
    {
        if (node is null or PolicyScalar { IsNull: true }) return ShapeResult<PolicyMapping?>.Valid(null);
        var mapping = reader.Mapping(node, path, keys);
        return mapping.Value is null ? null : new ShapeResult<PolicyMapping?>(mapping.Ok, mapping.Value);
    }
}
