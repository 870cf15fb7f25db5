using System.Text.Json;
using Mnet.Arm.Recreate;
using Mnet.Core.Resources;

namespace Mnet.Workflows.Tests.Migration;

/// <summary>
/// Resources compared before and after a migration, ignoring what the service computes (TS tests/support/compare):
/// the writable definition, as the recreate body has it.
/// </summary>
public static class Definitions
{
    /// <summary>A compute's writable definition, without the subnet (dropped inside a managed network).</summary>
    public static JsonElement Of(ComputeResource compute) => ArmJson.SerializeToElement(ComputeRecreate.Body(compute, insideManagedNetwork: true));

    /// <summary>An endpoint's writable definition, traffic included.</summary>
    public static JsonElement Of(OnlineEndpoint endpoint)
    {
        var plan = OnlineEndpointRecreate.Plan(endpoint);
        return ArmJson.SerializeToElement(new { body = plan.Body, traffic = plan.Traffic });
    }

    public static JsonElement Of(OnlineDeployment deployment) => ArmJson.SerializeToElement(OnlineEndpointRecreate.DeploymentBody(deployment));

    public static void AssertSame(JsonElement expected, JsonElement actual, string what) =>
        Assert.True(JsonElement.DeepEquals(expected, actual), $"{what} differs:\nexpected {expected.GetRawText()}\nactual   {actual.GetRawText()}");
}
