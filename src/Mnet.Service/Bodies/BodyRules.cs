namespace Mnet.Service.Bodies;

/// <summary>Validation rule ids of request bodies (docs/api.md lists them); the policy language adds its own.</summary>
public static class BodyRules
{
    public const string Json = "json";
    public const string Required = "required";
    public const string Type = "type";
    public const string Length = "length";
    public const string MaxLength = "max-length";
    public const string ControlCharacters = "control-characters";
    public const string BidiCharacters = "bidi-characters";
    public const string Format = "format";
    public const string Enum = "enum";
    public const string UnknownField = "unknown-field";
    public const string ResourceIdRule = "resource-id";
    public const string ResourceType = "resource-type";
    public const string ResourceGroupName = "resource-group-name";
    public const string WorkspaceName = "workspace-name";
    public const string EncodedCharacters = "encoded-characters";
    public const string SubscriptionId = "subscription-id";
    public const string Location = "location";
    public const string TicketId = "ticket-id";
    public const string InstanceId = "instance-id";
    public const string MigrationId = "migration-id";
    public const string HubRequired = "hub-required";
    public const string HubNotAllowed = "hub-not-allowed";
    public const string MaxItems = "max-items";
    public const string TagName = "tag-name";
    public const string PolicyName = "policy-name";
    public const string UnknownPolicy = "unknown-policy";
    /// <summary>An inline policy on a call that writes (security fix 1).</summary>
    public const string InlinePolicy = "inline-policy";
    public const string SelfApproval = "self-approval";
    /// <summary>An approval naming another run or plan than the one waiting (security fix 4).</summary>
    public const string StaleApproval = "stale-approval";
    /// <summary>A second decision on a question already decided (security fix 4).</summary>
    public const string AlreadyDecided = "already-decided";
}
