using System.Text.Json.Nodes;
using Mnet.Core.Policy.Syntax;
using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy;

/// <summary>
/// The policy language's entry points (docs/policy.md). Pure: the caller reads the file; problems are results, not
/// exceptions. Errors refuse the policy, warnings never do; every problem has a stable rule id
/// (<see cref="PolicyRuleIds"/>).
/// </summary>
public static class PolicyLoader
{
    /// <summary>
    /// Parses policy text (YAML, or JSON, which is YAML) and validates it. Every problem carries
    /// <paramref name="source"/> and the line and column of the offending key or value.
    /// </summary>
    /// <param name="source">File name or other label: shown in problems, and the default policy name.</param>
    public static PolicyLoadResult Load(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = YamlPolicyParser.Parse(text);
        if (parsed.Errors.Count > 0)
        {
            return new PolicyLoadResult
            {
                Problems =
                [
                    .. parsed.Errors.Select(e => new PolicyProblem("", e.Message, PolicyRuleIds.YamlSyntax)
                    {
                        Source = source,
                        Line = e.Position.Line,
                        Column = e.Position.Column,
                    }),
                ],
            };
        }
        return PolicyValidator.Validate(parsed.Root, source, withPositions: true);
    }

    /// <summary>
    /// Validates an inline policy (an HTTP body already parsed as JSON). Problems have paths but no positions; the
    /// default policy name is <paramref name="source"/>'s file name, or "policy".
    /// </summary>
    public static PolicyLoadResult Validate(JsonNode? policy, string? source = null) =>
        PolicyValidator.Validate(JsonPolicyNodes.From(policy), source, withPositions: false);
}
