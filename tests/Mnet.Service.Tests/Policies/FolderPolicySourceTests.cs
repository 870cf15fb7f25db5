using Mnet.Service.Policies;
using Mnet.Service.Ports;
using Mnet.Service.Tests.Support;
using Mnet.TestSupport.Repository;

namespace Mnet.Service.Tests.Policies;

/// <summary>Port of tests/service/policy-resolver.test.ts (named policies, the app's policy, the folder).</summary>
public sealed class FolderPolicySourceTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("mnet-policies-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    FolderPolicySource Source(IReadOnlyDictionary<string, string>? extra = null)
    {
        string dir = TestPolicies.WriteFolder(root, extra);
        return new FolderPolicySource(Path.Combine(dir, "baseline.json"), dir);
    }

    [Fact]
    public async Task Named_policies_are_looked_up_among_the_folder_files_only_and_cached()
    {
        var source = Source();
        var a = await source.ResolveNamedAsync("strict");
        File.Delete(Path.Combine(root, "policies", "strict.json"));
        var b = await source.ResolveNamedAsync("strict");
        Assert.True(a.Ok && b.Ok);
        Assert.Equal("strict", a.Policy!.Name);
        Assert.Same(a.Policy, b.Policy);
        File.WriteAllText(Path.Combine(root, "secret.json"), TestPolicies.Strict().ToJsonString());
        foreach (string bad in new[] { "../baseline", "policies/strict", "strict.yaml", ".", "", new string('a', 65), "../secret" })
        {
            var r = await source.ResolveNamedAsync(bad);
            Assert.False(r.Ok, bad);
            Assert.Equal("policy-name", r.Problems[0].Rule);
        }
    }

    [Fact]
    public async Task Unknown_names_list_the_known_ones()
    {
        var unknown = await Source().ResolveNamedAsync("prod");
        Assert.False(unknown.Ok);
        Assert.Equal("unknown policy \"prod\"; known policies: baseline, strict", unknown.Problems[0].Message);
        Assert.Equal("unknown-policy", unknown.Problems[0].Rule);
    }

    [Fact]
    public async Task An_invalid_named_file_reports_its_problems_under_its_name()
    {
        var r = await Source(new Dictionary<string, string> { ["broken.json"] = "{\"scope\": 1}" }).ResolveNamedAsync("broken");
        Assert.False(r.Ok);
        Assert.NotEmpty(r.Problems);
        Assert.All(r.Problems, p => Assert.StartsWith("policy(broken)", p.Path));
    }

    [Fact]
    public async Task The_default_policy_is_loaded_once_and_a_broken_one_throws_and_is_retried()
    {
        string dir = TestPolicies.WriteFolder(root);
        string path = Path.Combine(dir, "baseline.json");
        File.WriteAllText(path, "{\"scope\": 1}");
        var source = new FolderPolicySource(path, dir);
        await Assert.ThrowsAsync<PolicyUnavailableException>(() => source.GetAppPolicyAsync());
        File.WriteAllText(path, TestPolicies.Baseline().ToJsonString());
        var first = await source.GetAppPolicyAsync();
        Assert.Equal("baseline", first.Name);
        File.Delete(path);
        Assert.Same(first, await source.GetAppPolicyAsync());
    }

    [Fact]
    public async Task File_sources_read_the_example_policies_shipped_with_the_repository()
    {
        string repo = RepositoryRoot.Path;
        var source = new FolderPolicySource("examples/policy.yaml", "examples", repo);
        Assert.Equal("data-science-approved-outbound", (await source.GetAppPolicyAsync()).Name);
        Assert.True((await source.ResolveNamedAsync("policy-internet")).Ok);
        Assert.False((await source.ResolveNamedAsync("nope")).Ok);
    }

    [Fact]
    public async Task A_missing_policy_folder_means_no_named_policies_and_an_unreadable_one_is_an_outage()
    {
        var absent = await new FolderPolicySource(Path.Combine(root, "p.json"), Path.Combine(root, "nope")).ResolveNamedAsync("strict");
        Assert.False(absent.Ok);
        Assert.Equal("unknown-policy", absent.Problems[0].Rule);
        // A folder path that is a file: listing it fails (as a locked folder would), which is never "none".
        string file = Path.Combine(root, "not-a-folder");
        File.WriteAllText(file, "");
        var error = await Assert.ThrowsAsync<PolicyUnavailableException>(() => new FolderPolicySource(file, file).ResolveNamedAsync("strict"));
        Assert.Contains("MNET_POLICY_DIR", error.Message);
    }
}
