using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;
using Mnet.Workflows.Contracts;

namespace Mnet.Service.Bodies;

/// <summary>
/// The API's request bodies, checked member by member; unknown members are problems too (a misspelt <c>dryrun</c>
/// must not silently mean false).
/// </summary>
internal static partial class RequestBodies
{
    static readonly StringRule TicketRule = new(128, Required: true, Pattern: Identifiers.TicketId,
        PatternHint: "letters, digits, \".\", \"_\", \":\" or \"-\" (at most 128), starting with a letter or digit",
        PatternRule: BodyRules.TicketId);

    const int PersonMaxLength = 256;

    static readonly (string Key, string Type)[] DependencyTypes =
    [
        ("storageAccount", "Microsoft.Storage/storageAccounts"),
        ("keyVault", "Microsoft.KeyVault/vaults"),
        ("applicationInsights", "Microsoft.Insights/components"),
        ("containerRegistry", "Microsoft.ContainerRegistry/registries"),
    ];

    /// <param name="requesterRequired">Function-key mode: the body names the requester (recorded as declared).</param>
    public static Parsed<SubmitRequestBody> Submit(JsonObject body, bool requesterRequired)
    {
        var f = new FieldChecker(body);
        f.OnlyKnown("workspaceId", "policy", "ticketId", "requestedBy", "dryRun");
        var value = new SubmitRequestBody(
            Identifiers.CheckWorkspaceId(f, "workspaceId", true),
            PolicyRef(f),
            f.String("ticketId", TicketRule),
            f.String("requestedBy", new StringRule(PersonMaxLength, requesterRequired)),
            f.Boolean("dryRun", false));
        return new(value, f.Problems);
    }

    public static Parsed<PlanRequestBody> Plan(JsonObject body)
    {
        var f = new FieldChecker(body);
        f.OnlyKnown("workspaceId", "policy");
        return new(new PlanRequestBody(Identifiers.CheckWorkspaceId(f, "workspaceId", true), PolicyRef(f)), f.Problems);
    }

    /// <param name="approverRequired">Function-key mode: the body names the approver (recorded as declared).</param>
    public static Parsed<DecisionBody> Decision(JsonObject body, bool approverRequired)
    {
        var f = new FieldChecker(body);
        f.OnlyKnown("approver", "comment", "runId", "planHash");
        var value = new DecisionBody(
            f.String("approver", new StringRule(PersonMaxLength, approverRequired)),
            f.String("comment", new StringRule(2000, Multiline: true)),
            f.String("runId", new StringRule(64, true, Pattern: RunIdRegex(), PatternHint: "the runId of GET /requests/{id}", PatternRule: BodyRules.Format)),
            f.String("planHash", new StringRule(64, true, Pattern: PlanHashRegex(), PatternHint: "the approval.planHash of GET /requests/{id}", PatternRule: BodyRules.Format)));
        return new(value, f.Problems);
    }

    public static Parsed<ResumeBody> Resume(JsonObject body, bool requesterRequired)
    {
        var f = new FieldChecker(body);
        f.OnlyKnown("workspaceId", "ticketId", "requestedBy");
        var value = new ResumeBody(
            Identifiers.CheckWorkspaceId(f, "workspaceId", true),
            f.String("ticketId", TicketRule),
            f.String("requestedBy", new StringRule(PersonMaxLength, requesterRequired)));
        return new(value, f.Problems);
    }

    public static Parsed<CreateWorkspaceBody> CreateWorkspace(JsonObject body, bool requesterRequired)
    {
        var f = new FieldChecker(body);
        f.OnlyKnown("subscriptionId", "resourceGroup", "name", "location", "kind", "hubId", "policy", "dependencies", "tags", "ticketId", "requestedBy", "dryRun");
        var value = new CreateWorkspaceBody
        {
            SubscriptionId = f.String("subscriptionId", new StringRule(36, true, Pattern: Identifiers.SubscriptionId, PatternHint: "a subscription GUID", PatternRule: BodyRules.SubscriptionId)),
            ResourceGroup = f.String("resourceGroup", new StringRule(90, true, Pattern: Identifiers.ResourceGroupName,
                PatternHint: "1-90 letters, digits, \"_\", \"-\", \".\", \"(\" or \")\", not ending in \".\"", PatternRule: BodyRules.ResourceGroupName)),
            Name = f.String("name", new StringRule(33, true, Pattern: Identifiers.WorkspaceName,
                PatternHint: "3-33 letters, digits, \"_\" or \"-\", starting with a letter or digit", PatternRule: BodyRules.WorkspaceName)),
            Location = f.String("location", new StringRule(40, true, Pattern: Identifiers.Location, PatternHint: "an Azure region name such as westeurope", PatternRule: BodyRules.Location)),
            Kind = f.OneOf("kind", Prerequisites.CreatableWorkspaceKinds, true),
            Policy = PolicyRef(f),
            TicketId = f.String("ticketId", TicketRule),
            RequestedBy = f.String("requestedBy", new StringRule(PersonMaxLength, requesterRequired)),
            DryRun = f.Boolean("dryRun", false),
        };
        var hub = Identifiers.CheckResourceId(f, "hubId", false, Identifiers.WorkspaceType);
        if (hub is not null) value = value with { HubId = hub.Id };
        // A project lives in a hub; a hub or default workspace has none.
        if (value.Kind == Prerequisites.ProjectKind && hub is null && !f.Problems.Any(p => p.Path == "hubId"))
        {
            f.Add("hubId", "is required when kind is Project", BodyRules.HubRequired);
        }

        if (value.Kind is not null && value.Kind != Prerequisites.ProjectKind && f.Has("hubId"))
        {
            f.Add("hubId", "is only allowed when kind is Project", BodyRules.HubNotAllowed);
        }

        var deps = f.Object("dependencies", false);
        if (deps is not null) value = value with { Dependencies = Dependencies(f, deps) };
        var tags = Tags(f);
        if (tags is not null) value = value with { Tags = tags };
        if (value.SubscriptionId is not null && value.ResourceGroup is not null && value.Name is not null)
        {
            value = value with { WorkspaceId = ResourceId.WorkspaceId(value.SubscriptionId, value.ResourceGroup, value.Name) };
        }

        return new(value, f.Problems);
    }

    /// <summary><c>policy</c> is resolved later (by name or inline); here only its JSON type is checked.</summary>
    static JsonNode? PolicyRef(FieldChecker f)
    {
        if (!f.Has("policy")) return null;
        JsonNode raw = f.Raw("policy")!;
        if (raw is JsonObject || raw.GetValueKind() == JsonValueKind.String) return raw;
        f.Add("policy", "must be a policy name (string) or an inline policy (object)", BodyRules.Type);
        return null;
    }

    static WorkspaceDependencies Dependencies(FieldChecker f, JsonObject deps)
    {
        var d = f.Child("dependencies", deps);
        d.OnlyKnown([.. DependencyTypes.Select(t => t.Key)]);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, type) in DependencyTypes)
        {
            if (Identifiers.CheckResourceId(d, key, false, type) is { } id) found[key] = id.Id;
        }

        f.Absorb(d);
        return new WorkspaceDependencies(
            found.GetValueOrDefault("storageAccount"),
            found.GetValueOrDefault("keyVault"),
            found.GetValueOrDefault("applicationInsights"),
            found.GetValueOrDefault("containerRegistry"));
    }

    /// <summary>ARM tag limits: at most 50, names up to 512 characters (none of &lt;&gt;%&amp;\?/), values up to 256.</summary>
    static Dictionary<string, string>? Tags(FieldChecker f)
    {
        var raw = f.Object("tags", false);
        if (raw is null) return null;
        if (raw.Count > 50)
        {
            f.Add("tags", $"must have at most 50 tags (got {raw.Count})", BodyRules.MaxItems);
            return null;
        }

        var output = new Dictionary<string, string>(StringComparer.Ordinal);
        var t = f.Child("tags", raw);
        foreach (var (key, _) in raw)
        {
            if (key.Length is 0 or > 512 || TagNameForbidden().IsMatch(key) || TextSafety.HasControl(key, false) || TextSafety.HasBidiControl(key))
            {
                t.Add(t.PathOf(key), "is not a valid tag name (1-512 characters, none of < > % & \\ ? / or control characters)", BodyRules.TagName);
                continue;
            }

            if (t.String(key, new StringRule(256, true, MinLength: 0)) is { } v) output[key] = v;
        }

        f.Absorb(t);
        return output;
    }

    [GeneratedRegex("[<>%&\\\\?/]", RegexOptions.CultureInvariant)]
    private static partial Regex TagNameForbidden();

    [GeneratedRegex("^run-[0-9a-f]{16}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex RunIdRegex();

    [GeneratedRegex("^[0-9a-f]{32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlanHashRegex();
}
