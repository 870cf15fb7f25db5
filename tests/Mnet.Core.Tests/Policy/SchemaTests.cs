using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Policy;
using Mnet.Core.Resources;
using static Mnet.Core.Tests.Policy.PolicyInputs;

namespace Mnet.Core.Tests.Policy;

/// <summary>
/// The shape of a policy: defaults, strict keys with suggestions, types, syntax errors, all problems at once.
/// </summary>
public sealed class SchemaTests
{
    [Fact]
    public void Applies_every_documented_default()
    {
        var p = Ok(Check(ValidPolicy()));
        Assert.Equal(new PolicyProvisioning { ProvisionNow = true, IncludeSpark = false }, p.Provisioning);
        Assert.Equal(new PolicyComputeMigration
        {
            Mode = ComputeMigrationMode.RequireApproval,
            ApprovalTimeoutHours = 72,
            SkipUnsupported = false,
            MaxParallelDeletes = 10,
        }, p.ComputeMigration);
        Assert.Equal(new PolicyApproverRoles { Assign = true, CustomRoleForUncoveredTypes = true }, p.ApproverRoles);
        Assert.Equal(new PolicyDrift { Mode = DriftMode.Report, MaxWorkspacesPerRun = 25 }, p.Drift);
        Assert.Equal([Sub1], p.Scope.Subscriptions);
        Assert.Empty(p.Scope.ResourceGroups);
        Assert.Empty(p.Scope.WorkspaceKinds);
        Assert.Empty(p.Scope.Tags);
        Assert.Empty(p.Scope.Exclude);
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, p.ManagedNetwork.IsolationMode);
        Assert.Empty(p.ManagedNetwork.OutboundRules);
        Assert.Null(p.ManagedNetwork.FirewallSku);
        Assert.Empty(p.RulePacks);
        Assert.Equal(new PolicyRulePackOptions(), p.RulePackOptions);
        Assert.Null(p.PublicNetworkAccess);
        Assert.Null(p.ImageBuildCompute);
        Assert.Equal(25, new PolicyDrift().MaxWorkspacesPerRun);
    }

    [Fact]
    public void Fills_defaults_inside_a_partly_written_section_and_for_empty_sections()
    {
        var r = PolicyLoader.Load(
            $"scope: {{subscriptions: ['{Sub1}']}}\nmanaged_network:\n  isolation_mode: disabled\n  " +
            "outbound_rules:\nrule_packs:\nprovisioning:\n  include_spark: false\ndrift:\n",
            "p.yaml");
        var p = Ok(r);
        Assert.Equal(new PolicyProvisioning { ProvisionNow = true, IncludeSpark = false }, p.Provisioning);
        Assert.Equal(new PolicyDrift { Mode = DriftMode.Report, MaxWorkspacesPerRun = 25 }, p.Drift);
        Assert.Empty(p.ManagedNetwork.OutboundRules);
        Assert.Empty(p.RulePacks);
    }

    [Fact]
    public void The_policy_name_defaults_to_the_file_name()
    {
        var text = $"scope: {{subscriptions: ['{Sub1}']}}\nmanaged_network: {{isolation_mode: disabled}}\n";
        Assert.Equal("prod-ml", Ok(PolicyLoader.Load(text, "policies/prod-ml.yaml")).Name);
        Assert.Equal("Prod", Ok(PolicyLoader.Load($"name: Prod\n{text}", "x.yaml")).Name);
        var inline = Obj(
            ("scope", Obj(("subscriptions", Arr(Sub1)))),
            ("managed_network", Obj(("isolation_mode", "disabled"))));
        Assert.Equal("policy", Ok(PolicyLoader.Validate(inline)).Name);
    }

    [Fact]
    public void Accepts_the_az_ml_managed_network_block_as_pasted()
    {
        // port_ranges as a number, spark_enabled omitted, firewall_sku in any case.
        var text = $"""

            scope:
              subscriptions: [{Sub1}]
            managed_network:
              isolation_mode: allow_only_approved_outbound
              firewall_sku: Basic
              outbound_rules:
              - name: added-servicetagrule
                destination:
                  port_ranges: 443
                  protocol: TCP
                  service_tag: DataFactory
                type: service_tag
              - name: add-fqdnrule
                destination: 'pypi.org'
                type: fqdn
              - name: added-perule
                destination:
                  service_resource_id: {StorageId}
                  subresource_target: blob
                type: private_endpoint

            """;
        var p = Ok(PolicyLoader.Load(text, "ws.yaml"));
        Assert.Equal("basic", p.ManagedNetwork.FirewallSku);
        var rules = p.ManagedNetwork.OutboundRules;
        Assert.Equal(new PolicyServiceTagDestination("DataFactory", "TCP", "443"),
            Assert.IsType<PolicyServiceTagRule>(rules[0]).Destination);
        Assert.Equal(new PolicyPrivateEndpointDestination(StorageId, "blob", false),
            Assert.IsType<PolicyPrivateEndpointRule>(rules[2]).Destination);
    }

    [Fact]
    public void Category_from_az_ml_show_output_is_accepted_and_dropped_from_the_model()
    {
        var p = Ok(Check(Approved([Fqdn("contoso", "contoso.com").With("category", "user_defined")])));
        Assert.Equal(new PolicyFqdnRule("contoso", "contoso.com"), p.ManagedNetwork.OutboundRules[0]);
    }

    [Fact]
    public void Unknown_keys_are_errors_with_a_suggestion_when_close()
    {
        var r = Check(ValidPolicy(Obj(
            ("provisioning", Obj(("include_sprak", true))), ("rule_pakcs", Arr()), ("totally_unrelated", 1))));
        Assert.False(r.Ok);
        var unknown = AllProblems(r).Where(p => p.Rule == "unknown-key").ToList();
        Assert.Equal(3, unknown.Count);
        string By(string path) => unknown.FirstOrDefault(p => p.Path == path)?.Message ?? "";
        Assert.Contains("did you mean \"include_spark\"", By("provisioning.include_sprak"));
        Assert.Contains("did you mean \"rule_packs\"", By("rule_pakcs"));
        Assert.DoesNotContain("did you mean", By("totally_unrelated"));
        Assert.NotEqual("", By("totally_unrelated"));
    }

    [Fact]
    public void Unknown_keys_inside_a_rule_destination_suggest_keys_of_that_rule_type()
    {
        var rule = Tag("adf", "DataFactory").With("destination",
            Obj(("service_tag", "DataFactory"), ("protocol", "TCP"), ("port_range", "443")));
        var p = AllProblems(Check(Approved([rule]))).FirstOrDefault(x => x.Rule == "unknown-key");
        Assert.NotNull(p);
        Assert.Contains("did you mean \"port_ranges\"", p.Message);
        Assert.Equal("managed_network.outbound_rules[0] (name: adf).destination.port_range", p.Path);
    }

    [Fact]
    public void An_arm_spelling_of_a_mode_or_rule_type_gets_the_az_ml_name_in_the_message()
    {
        var rule = Obj(("name", "pypi"), ("type", "FQDN"), ("destination", "pypi.org"));
        var r = Check(ValidPolicy(Obj(("managed_network", Mn("AllowInternetOutbound", [rule])))));
        var messages = string.Join('\n', AllProblems(r).Select(p => p.Message));
        Assert.Contains("az ml name \"allow_internet_outbound\"", messages);
        Assert.Contains("az ml name \"fqdn\"", messages);
    }

    [Fact]
    public void Missing_required_keys_and_wrong_types_are_reported_by_path()
    {
        var rule = Obj(("type", "fqdn"), ("destination", 5));
        var r = Check(Obj(
            ("scope", Obj(("subscriptions", Arr()))),
            ("managed_network", Obj(("outbound_rules", Arr(rule))))));
        var got = AllProblems(r).Select(p => $"{p.Rule} {p.Path}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "invalid-type managed_network.outbound_rules[0].destination",
            "invalid-value scope.subscriptions",
            "required-key managed_network.isolation_mode",
            "required-key managed_network.outbound_rules[0].name",
        ], got);
    }

    [Fact]
    public void Json_input_is_accepted_and_positions_are_known()
    {
        var raw = Obj(("scope", Obj(("subscriptions", Arr(Sub1)))),
            ("managed_network", Obj(("isolation_mode", "allow_only_approved_outbound"),
                ("outbound_rules", Arr(Fqdn("pypi", "pypi.org:8080"))))));
        var json = raw.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var r = PolicyLoader.Load(json, "p.json");
        Assert.False(r.Ok);
        var p = AllProblems(r).FirstOrDefault(x => x.Rule == "fqdn-ports");
        Assert.NotNull(p);
        var line = json.Split('\n').ToList().FindIndex(l => l.Contains("pypi.org:8080", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, p.Line);
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound,
            Ok(PolicyLoader.Load(ValidPolicy().ToJsonString(), "p.json")).ManagedNetwork.IsolationMode);
    }

    [Fact]
    public void Yaml_syntax_errors_carry_line_and_column()
    {
        var r = PolicyLoader.Load("scope:\n  subscriptions: [a, b\nmanaged_network:\n  isolation_mode: " +
            "disabled\n", "bad.yaml");
        Assert.False(r.Ok);
        var p = r.Problems[0];
        Assert.Equal("yaml-syntax", p.Rule);
        Assert.NotNull(p.Line);
        Assert.NotNull(p.Column);
        Assert.True(p.Line >= 2, $"line {p.Line}");
        Assert.Equal("bad.yaml", p.Source);
    }

    [Fact]
    public void A_tab_indented_line_is_a_syntax_error_at_its_exact_position()
    {
        var r = PolicyLoader.Load("scope:\n\tsubscriptions: []\n", "tab.yaml");
        Assert.False(r.Ok);
        Assert.Equal(("yaml-syntax", 2, 1), (r.Problems[0].Rule, r.Problems[0].Line, r.Problems[0].Column));
    }

    [Fact]
    public void Duplicate_keys_are_syntax_errors()
    {
        var r = PolicyLoader.Load(
            $"name: a\nname: b\nscope: {{subscriptions: ['{Sub1}']}}\nmanaged_network: {{isolation_mode: " +
            $"disabled}}\n", "dup.yaml");
        Assert.False(r.Ok);
        Assert.Equal(("yaml-syntax", 2), (r.Problems[0].Rule, r.Problems[0].Line));
    }

    [Fact]
    public void An_empty_document_or_a_list_is_not_a_policy()
    {
        foreach (var text in new[] { "", "# only a comment\n", "- a\n", "42\n" })
        {
            var r = PolicyLoader.Load(text, "x.yaml");
            Assert.False(r.Ok);
            Assert.Equal("policy-not-mapping", r.Problems[0].Rule);
        }
        Assert.False(PolicyLoader.Validate(null).Ok);
        Assert.False(PolicyLoader.Validate(JsonValue.Create("text")).Ok);
    }

    [Fact]
    public void Warnings_never_fail_validation()
    {
        var r = Check(Approved([Tag("adf", "DataFactory")]));
        Assert.True(r.Ok);
        Assert.NotEmpty(r.Warnings);
        Assert.All(r.Warnings, w => Assert.Equal(ProblemSeverity.Warning, w.Severity));
    }

    [Fact]
    public void All_problems_are_reported_at_once_schema_and_semantic_alike()
    {
        var r = Check(Approved(
            [
                Fqdn("pypi", "pypi.org:8080"),
                Fqdn("pypi", "files.pythonhosted.org"),
                Obj(("name", "broken"), ("type", "fqdn")),
            ],
            Obj(("drfit", Obj()), ("scope", Obj(("subscriptions", Arr("sub-a")))))));
        Assert.False(r.Ok);
        Assert.Equal(
            ["fqdn-ports", "required-key", "rule-name-unique", "scope-subscription-guid", "unknown-key"],
            r.Problems.Select(p => p.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Three_independent_mistakes_give_three_problems()
    {
        var web = StorageId.Replace("Microsoft.Storage/storageAccounts", "Microsoft.Web/sites",
            StringComparison.Ordinal);
        var r = Check(Approved(
        [
            Fqdn("mirror", "mirror.contoso.com:8080"),
            Fqdn("pypi", "pypi.org"),
            Fqdn("pypi", "files.pythonhosted.org"),
            Obj(("name", "web"), ("type", "private_endpoint"),
                ("destination", Obj(("service_resource_id", web), ("subresource_target", "sites")))),
        ]));
        Assert.False(r.Ok);
        Assert.Equal(3, r.Problems.Count);
    }

    [Fact]
    public void An_fqdn_port_80_or_443_is_accepted_and_dropped_from_the_model()
    {
        var p = Ok(Check(Approved(
            [Fqdn("pypi", "pypi.org:443"), Fqdn("conda", "*.anaconda.org"), Fqdn("web", "example.com:80")])));
        Assert.Equal(["pypi.org", "*.anaconda.org", "example.com"],
            p.ManagedNetwork.OutboundRules.Select(r => ((PolicyFqdnRule)r).Destination));
        var dup = Check(Approved([Fqdn("pypi", "pypi.org:443"), Fqdn("pypi-http", "pypi.org:80")]));
        Assert.Contains(dup.Warnings, w => w.Rule == "fqdn-duplicate-destination");
    }
}
