using System.Text.RegularExpressions;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Service.Bodies;

/// <summary>
/// Checks for the identifiers a caller may send: ARM ids are parsed strictly (no "..", no empty segments) and must
/// name the expected type; percent-encoded text is refused outright so nothing can be decoded into another path.
/// </summary>
internal static partial class Identifiers
{
    public const int MaxResourceId = 512;
    public const string ResourceIdHint = "/subscriptions/{guid}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}";
    public const string WorkspaceType = "Microsoft.MachineLearningServices/workspaces";

    public static Regex SubscriptionId { get; } = SubscriptionIdRegex();

    public static Regex Location { get; } = LocationRegex();

    /// <summary>Ticket ids of common ticket systems (INC0012345, OPS-42, CHG:7): safe in URLs, table keys and logs.</summary>
    public static Regex TicketId { get; } = TicketIdRegex();

    /// <summary>Migration ids the orchestration mints (GUIDs) or a CLI user gave: one safe key segment.</summary>
    public static Regex MigrationId { get; } = MigrationIdRegex();

    public static Regex WorkspaceName => OutboundRules.WorkspaceNamePattern;

    public static Regex ResourceGroupName => Prerequisites.ResourceGroupNamePattern;

    /// <summary>The parsed id when it is a well-formed id of <paramref name="type"/>; otherwise records why not.</summary>
    public static ResourceId? CheckResourceId(FieldChecker fields, string name, bool required, string type)
    {
        string? value = fields.String(name, new StringRule(MaxResourceId, required));
        return value is null ? null : CheckResourceIdValue(fields, value, fields.PathOf(name), type);
    }

    public static ResourceId? CheckResourceIdValue(FieldChecker fields, string value, string path, string type)
    {
        if (value.Contains('%', StringComparison.Ordinal))
        {
            fields.Add(path, "must not contain percent-encoded characters", BodyRules.EncodedCharacters);
            return null;
        }

        ResourceId parsed;
        try
        {
            parsed = ResourceId.Parse(value);
        }
        catch (ResourceIdException e)
        {
            fields.Add(path, $"is not a valid ARM resource id: {e.Reason} (expected {ResourceIdHint})", BodyRules.ResourceIdRule);
            return null;
        }

        if (!string.Equals(parsed.ResourceType, type, StringComparison.OrdinalIgnoreCase))
        {
            fields.Add(path, $"must be the id of a {type} resource (got {parsed.ResourceType ?? "a subscription or resource group id"})", BodyRules.ResourceType);
            return null;
        }

        if (parsed.ResourceGroup is not null && !ResourceGroupName.IsMatch(parsed.ResourceGroup))
        {
            fields.Add(path, "has an invalid resource group name", BodyRules.ResourceGroupName);
            return null;
        }

        return parsed;
    }

    /// <summary>A workspace id with a valid workspace name (ARM: 3-33 letters, digits, "_", "-").</summary>
    public static string? CheckWorkspaceId(FieldChecker fields, string name, bool required)
    {
        var parsed = CheckResourceId(fields, name, required, WorkspaceType);
        if (parsed is null) return null;
        if (!parsed.IsWorkspace || parsed.Name is null || !WorkspaceName.IsMatch(parsed.Name))
        {
            fields.Add(fields.PathOf(name),
                "has an invalid workspace name (3-33 letters, digits, \"_\" or \"-\", starting with a letter or digit)",
                BodyRules.WorkspaceName);
            return null;
        }

        return parsed.Id;
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubscriptionIdRegex();

    [GeneratedRegex("^[a-z][a-z0-9]{1,39}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LocationRegex();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TicketIdRegex();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex MigrationIdRegex();
}
