using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mnet.Emulator.Http;

namespace Mnet.Emulator.ResourceManager;

/// <summary>
/// The <c>$filter</c> of a resource list (<c>GET .../resources</c>): <c>resourceType eq</c>, <c>name eq</c>,
/// <c>location eq</c>, <c>resourceGroup eq</c>, <c>substringof('x', name)</c>, joined by <c>and</c>; or
/// <c>tagName eq 'n' [and tagValue eq 'v']</c>, which ARM does not let combine with the others. Anything else is
/// 400 InvalidFilterInQueryString, ARM's code and wording. Names, types and locations compare without case, tag
/// values with case.
/// </summary>
public sealed partial class ResourceFilter
{
    private readonly List<Func<JsonObject, bool>> tests = [];

    private ResourceFilter()
    {
    }

    public static ResourceFilter All { get; } = new();

    public static ResourceFilter Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return All;
        }

        var result = new ResourceFilter();
        string? tagName = null;
        string? tagValue = null;
        var others = 0;
        foreach (var clause in And().Split(filter.Trim()))
        {
            var c = clause.Trim();
            if (Substring().Match(c) is { Success: true } sub)
            {
                var part = sub.Groups[1].Value;
                result.tests.Add(r => (r.Str("name") ?? string.Empty).Contains(part, StringComparison.OrdinalIgnoreCase));
                others++;
                continue;
            }

            var eq = Equality().Match(c);
            if (!eq.Success)
            {
                throw Invalid(filter);
            }

            var value = eq.Groups[2].Value;
            switch (eq.Groups[1].Value.ToLowerInvariant())
            {
                case "resourcetype":
                    result.tests.Add(r => Same(r.Str("type"), value));
                    others++;
                    break;
                case "name":
                    result.tests.Add(r => Same(r.Str("name"), value));
                    others++;
                    break;
                case "location":
                    result.tests.Add(r => Same(r.Str("location"), value.Replace(" ", string.Empty, StringComparison.Ordinal)));
                    others++;
                    break;
                case "resourcegroup":
                    result.tests.Add(r => Same(ResourceGroupOf(r.Str("id")), value));
                    others++;
                    break;
                case "tagname":
                    tagName = value;
                    break;
                case "tagvalue":
                    tagValue = value;
                    break;
                default:
                    throw Invalid(filter);
            }
        }

        if ((tagValue is not null && tagName is null) || (tagName is not null && others > 0))
        {
            throw Invalid(filter);
        }

        if (tagName is not null)
        {
            result.tests.Add(r => HasTag(r.Obj("tags"), tagName, tagValue));
        }

        return result;
    }

    public bool Matches(JsonObject resource) => tests.TrueForAll(t => t(resource));

    private static bool HasTag(JsonObject? tags, string name, string? value) =>
        tags is not null && tags.Any(t => t.Key.Equals(name, StringComparison.OrdinalIgnoreCase)
            && (value is null || (t.Value is JsonValue v && v.TryGetValue<string>(out var s) && s == value)));

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? ResourceGroupOf(string? id)
    {
        var parts = (id ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 4 && parts[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase) ? parts[3] : null;
    }

    private static ArmException Invalid(string filter) =>
        ArmErrors.BadRequest("InvalidFilterInQueryString", $"Invalid $filter '{filter}' specified in the query string.");

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex And();

    [GeneratedRegex(@"^(\w+)\s+eq\s+'([^']*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex Equality();

    [GeneratedRegex(@"^substringof\(\s*'([^']*)'\s*,\s*name\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Substring();
}
