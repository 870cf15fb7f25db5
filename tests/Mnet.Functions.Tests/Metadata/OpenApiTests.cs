using Mnet.Functions.Tests.Support;
using Mnet.TestSupport.Repository;
using YamlDotNet.RepresentationModel;

namespace Mnet.Functions.Tests.Metadata;

/// <summary>Port of tests/functions/openapi.test.ts: docs/openapi.yaml against the built app's HTTP functions.</summary>
public sealed class OpenApiTests
{
    static readonly YamlMappingNode Doc = Load();

    [Fact]
    public void Openapi_paths_and_methods_match_the_built_http_functions()
    {
        Assert.Equal("3.0.3", ((YamlScalarNode)Doc["openapi"]).Value);
        var documented = ((YamlMappingNode)Doc["paths"]).Children
            .SelectMany(path => ((YamlMappingNode)path.Value).Children.Keys.Cast<YamlScalarNode>()
                .Where(k => k.Value is "get" or "post" or "put" or "patch" or "delete")
                .Select(k => $"{k.Value} {((YamlScalarNode)path.Key).Value}"))
            .Order();
        var built = FunctionsMetadata.Load()
            .Where(f => f.Trigger.Type == "httpTrigger")
            .SelectMany(f => f.Trigger.Methods.Where(m => m != "OPTIONS").Select(m => $"{m.ToLowerInvariant()} /{f.Trigger.Route!["v1/".Length..]}"))
            .Order()
            .ToList();
        // No gap either way: every HTTP function of the app is in openapi.yaml, and nothing else is.
        Assert.Contains("post /migrations/{id}/resume", built);
        Assert.Contains("post /events", built);
        Assert.Contains("get /workspaces/{id}/posture", built);
        Assert.Equal(built, documented);
    }

    [Fact]
    public void Every_ref_resolves_and_every_error_response_is_a_problem_document()
    {
        var refs = new List<string>();
        Walk(Doc, refs);
        Assert.True(refs.Count > 20);
        foreach (string reference in refs)
        {
            YamlNode? node = Doc;
            foreach (string part in reference.TrimStart('#', '/').Split('/'))
            {
                node = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(part), out var next) ? next : null;
            }

            Assert.True(node is not null, reference);
        }

        var responses = (YamlMappingNode)((YamlMappingNode)Doc["components"])["responses"];
        foreach (var (name, response) in responses.Children)
        {
            if (((YamlScalarNode)name).Value == "DecisionAccepted") continue;
            var content = (YamlMappingNode)((YamlMappingNode)response)["content"];
            Assert.True(content.Children.ContainsKey(new YamlScalarNode("application/problem+json")), ((YamlScalarNode)name).Value);
        }
    }

    /// <summary>
    /// Each closed JSON body of openapi.yaml (approve / reject, requests, workspaces, plan, resume) lists exactly the
    /// members the C# API accepts and requires: a body with one unknown member makes the API name every member it
    /// allows and every one it misses. <c>mnet serve</c> runs in function-key mode, where the body also names the
    /// caller: those members say "Required with function-key auth" in the document.
    /// </summary>
    [Fact]
    public async Task Every_request_body_documents_exactly_the_fields_the_api_accepts_and_requires()
    {
        var bodies = DocumentedBodies();
        Assert.Contains(bodies, b => b.Path == "/requests/{id}/approve" && b.Schema == "Decision");
        Assert.Contains(bodies, b => b.Path == "/requests/{id}/reject" && b.Schema == "Decision");
        await using var rig = await ServeRig.StartAsync();
        foreach (var body in bodies)
        {
            var (status, problem) = await rig.PostAsync("/api/v1" + WithIds(body.Path), new Dictionary<string, object> { [Probe] = true });
            Assert.True(status == 400, $"{body.Path}: {status} {problem.ToJsonString()}");
            var errors = problem["errors"]!.AsArray().Select(e => e!.AsObject()).ToList();
            string unknown = errors.Where(e => (string?)e["path"] == Probe && (string?)e["rule"] == "unknown-field")
                .Select(e => (string)e["message"]!)
                .Single();
            var accepted = unknown[(unknown.IndexOf("allowed: ", StringComparison.Ordinal) + "allowed: ".Length)..]
                .Split(", ").Order(StringComparer.Ordinal);
            Assert.True(accepted.SequenceEqual(body.Properties.Order(StringComparer.Ordinal)),
                $"{body.Path} ({body.Schema}): the API accepts [{string.Join(", ", accepted)}], openapi.yaml documents [{string.Join(", ", body.Properties.Order(StringComparer.Ordinal))}]");
            var required = errors.Where(e => (string?)e["rule"] == "required").Select(e => (string)e["path"]!).Order(StringComparer.Ordinal);
            Assert.True(required.SequenceEqual(body.RequiredWithFunctionKey.Order(StringComparer.Ordinal)),
                $"{body.Path} ({body.Schema}): the API requires [{string.Join(", ", required)}], openapi.yaml [{string.Join(", ", body.RequiredWithFunctionKey.Order(StringComparer.Ordinal))}]");
        }
    }

    const string Probe = "notAMember";

    /// <summary>Path parameters that pass their own checks, so only the body's problems are left.</summary>
    static string WithIds(string path) => path
        .Replace("/requests/{id}", "/requests/mnet-onboard-0123456789abcdef", StringComparison.Ordinal)
        .Replace("/migrations/{id}", "/migrations/mig-1", StringComparison.Ordinal);

    sealed record DocumentedBody(string Path, string Schema, IReadOnlyList<string> Properties, IReadOnlyList<string> RequiredWithFunctionKey);

    /// <summary>Every POST whose JSON body is a schema closed with <c>additionalProperties: false</c>.</summary>
    static List<DocumentedBody> DocumentedBodies()
    {
        var schemas = (YamlMappingNode)((YamlMappingNode)Doc["components"])["schemas"];
        var found = new List<DocumentedBody>();
        foreach (var (path, item) in ((YamlMappingNode)Doc["paths"]).Children)
        {
            if (!((YamlMappingNode)item).Children.TryGetValue(new YamlScalarNode("post"), out var post)) continue;
            if (!((YamlMappingNode)post).Children.TryGetValue(new YamlScalarNode("requestBody"), out var requestBody)) continue;
            var content = (YamlMappingNode)((YamlMappingNode)requestBody)["content"];
            if (!content.Children.TryGetValue(new YamlScalarNode("application/json"), out var json)) continue;
            var reference = ((YamlMappingNode)((YamlMappingNode)json)["schema"]).Children
                .FirstOrDefault(c => ((YamlScalarNode)c.Key).Value == "$ref").Value as YamlScalarNode;
            if (reference is null) continue;
            string name = reference.Value!["#/components/schemas/".Length..];
            var schema = (YamlMappingNode)schemas[name];
            if (!schema.Children.TryGetValue(new YamlScalarNode("additionalProperties"), out var closed) || ((YamlScalarNode)closed).Value != "false") continue;
            var properties = ((YamlMappingNode)schema["properties"]).Children;
            var required = schema.Children.TryGetValue(new YamlScalarNode("required"), out var list)
                ? ((YamlSequenceNode)list).Select(n => ((YamlScalarNode)n).Value!).ToList()
                : [];
            var byFunctionKey = properties
                .Where(p => p.Value is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("description"), out var d)
                    && ((YamlScalarNode)d).Value!.StartsWith("Required with function-key auth", StringComparison.Ordinal))
                .Select(p => ((YamlScalarNode)p.Key).Value!);
            found.Add(new DocumentedBody(((YamlScalarNode)path).Value!, name,
                [.. properties.Select(p => ((YamlScalarNode)p.Key).Value!)], [.. required.Concat(byFunctionKey).Distinct()]));
        }

        return found;
    }

    static void Walk(YamlNode node, List<string> refs)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (((YamlScalarNode)key).Value == "$ref" && value is YamlScalarNode target) refs.Add(target.Value!);
                    else Walk(value, refs);
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list) Walk(item, refs);
                break;
        }
    }

    static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(RepositoryRoot.Combine("docs", "openapi.yaml")));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
