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
