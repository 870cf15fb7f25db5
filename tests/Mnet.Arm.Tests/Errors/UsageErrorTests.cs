using Mnet.Arm.Credentials;
using Mnet.Arm.Errors;
using Mnet.Arm.Http;
using Mnet.Arm.Models;
using Mnet.Arm.Roles;

namespace Mnet.Arm.Tests.Errors;

/// <summary>Port of tests/arm/usage-errors.test.ts: caller mistakes are typed usage errors, refused before any request.</summary>
public sealed class UsageErrorTests
{
    private const string Sub = "00000000-0000-0000-0000-000000000001";
    private const string Ws = $"/subscriptions/{Sub}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1";

    private static void Usage(ArmUsageErrorCode code, Action call) =>
        Assert.Equal(code, Assert.IsAssignableFrom<ArmUsageException>(Record.Exception(call)).Code);

    [Fact]
    public void Urls_an_id_of_another_type_a_malformed_id_and_an_unusable_child_name_are_typed_usage_errors()
    {
        Usage(ArmUsageErrorCode.WrongResourceType, () => ArmUrls.RequireId(Ws, "Microsoft.KeyVault/vaults"));
        Usage(ArmUsageErrorCode.InvalidName, () => ArmUrls.ChildId(Ws, "outboundRules", "a/b"));
        Usage(ArmUsageErrorCode.InvalidName, () => ArmUrls.ChildId(Ws, "outboundRules", " "));
        Usage(ArmUsageErrorCode.InvalidResourceId, () => ArmUrls.RequireId($"/subscriptions/{Sub}/resourceGroups/../x"));
        Usage(ArmUsageErrorCode.InvalidResourceId, () => ArmUrls.RequireSubscription("not-a-guid"));
    }

    [Fact]
    public void Role_names_a_bad_namespace_or_role_definition_is_a_typed_usage_error()
    {
        Usage(ArmUsageErrorCode.InvalidNamespace, () => RoleNames.UuidV5("x", "not-a-guid"));
        Usage(ArmUsageErrorCode.InvalidRoleDefinition, () => RoleNames.RoleDefinitionGuid("Reader"));
    }

    [Fact]
    public async Task Client_unknown_api_version_and_bad_options_are_typed_usage_errors_refused_before_any_request()
    {
        var requests = 0;
        using (var client = new ArmClient(new ArmClientOptions
        {
            Endpoint = new Uri("https://127.0.0.1:9"),
            Credential = new StaticTokenCredential(),
            OnRequest = _ => requests++,
        }))
        {
            var unknown = await Assert.ThrowsAsync<UnsupportedResourceTypeException>(() => client.GetResourceAsync(
                $"/subscriptions/{Sub}/resourceGroups/rg/providers/Contoso.Widgets/widgets/w1"));
            Assert.Equal(ArmUsageErrorCode.ApiVersionUnknown, unknown.Code);
            var wrong = await Assert.ThrowsAsync<ArmUsageException>(() => client.GetDependencyAsync(DependencyKind.KeyVault, Ws));
            Assert.Equal(ArmUsageErrorCode.WrongResourceType, wrong.Code);
            Assert.Equal(0, requests);
        }
        Usage(ArmUsageErrorCode.InvalidOption, () => new ArmClient(new ArmClientOptions
        {
            Endpoint = new Uri("http://127.0.0.1:9"),
            Credential = new StaticTokenCredential(),
        }));
        Usage(ArmUsageErrorCode.InvalidOption, () => new ArmClient(new ArmClientOptions
        {
            Endpoint = new Uri("https://127.0.0.1:9"),
            Credential = new StaticTokenCredential(),
            MaxRetries = -1,
        }));
        Usage(ArmUsageErrorCode.InvalidOption, () => new StaticTokenCredential(" "));
    }
}
