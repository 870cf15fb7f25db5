using System.Text.Json;
using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Arm.Lro;

namespace Mnet.Arm.Tests.Errors;

/// <summary>Port of tests/arm/errors.test.ts (the PATCH-body case is in Operations/WorkspacePatchBodyTests).</summary>
public sealed class ArmExceptionTests
{
    private const string Ws =
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1";

    private static ArmException Make(int status, string code = "X") =>
        ArmException.FromDetails(new ArmErrorDetails { Status = status, Code = code, Message = "m", Operation = ArmOperation.ReadWorkspace });

    [Fact]
    public void UserMessage_names_the_method_resource_code_message_and_request_in_one_line()
    {
        var details = new ArmErrorDetails
        {
            Status = 400,
            Code = "ValidationError",
            Message = "Managed network cannot be disabled once enabled.",
            Operation = ArmOperation.WriteWorkspace,
            ResourceId = Ws,
            Method = "PATCH",
            RequestId = "1234",
        };
        var e = ArmException.FromDetails(details);
        Assert.IsType<ArmValidationException>(e);
        Assert.Equal(
            "PATCH workspace ws1 failed: ValidationError — Managed network cannot be disabled once enabled. (request 1234)",
            e.UserMessage());
        Assert.False(e.IsRetryable);
        Assert.False(e.IsNotFound);
        // The details survive a trip through durable state and rebuild the same typed error.
        var stored = JsonSerializer.Deserialize<ArmErrorDetails>(JsonSerializer.Serialize(e.Details))!;
        Assert.Equal(details, stored);
        Assert.IsType<ArmValidationException>(ArmException.FromDetails(stored));
    }

    [Fact]
    public void Status_helpers()
    {
        Assert.True(Make(429).IsRetryable);
        Assert.True(Make(408).IsRetryable);
        Assert.True(Make(503).IsRetryable);
        Assert.True(Make(0, ArmErrorCodes.ConnectionFailed).IsRetryable);
        Assert.True(Make(404).IsNotFound);
        Assert.True(Make(409).IsConflict);
        Assert.True(Make(412).IsPreconditionFailed);
        Assert.False(Make(400).IsRetryable);
    }

    [Fact]
    public void Each_meaningful_code_and_status_has_its_own_type()
    {
        Assert.IsType<ArmNotFoundException>(Make(404, "ResourceNotFound"));
        Assert.IsType<ArmConflictException>(Make(409, "Conflict"));
        Assert.IsType<ArmResourceAlreadyExistsException>(Make(409, ArmErrorCodes.ResourceAlreadyExists));
        Assert.IsType<ArmRoleAssignmentExistsException>(Make(409, ArmErrorCodes.RoleAssignmentExists));
        Assert.IsType<ArmPreconditionFailedException>(Make(412, "PreconditionFailed"));
        Assert.IsType<ArmThrottledException>(Make(429, "TooManyRequests"));
        Assert.IsType<ArmServerException>(Make(502, "BadGateway"));
        Assert.IsType<ArmBadRequestException>(Make(400, "InvalidApiVersionParameter"));
        Assert.IsType<ArmAuthorizationFailedException>(Make(403, ArmErrorCodes.AuthorizationFailed));
        Assert.IsType<ArmAuthorizationFailedException>(Make(401, "InvalidAuthenticationToken"));
        Assert.IsType<ArmConnectionFailedException>(Make(0, ArmErrorCodes.ConnectionFailed));
        Assert.IsType<ArmUntrustedLinkException>(Make(0, ArmErrorCodes.UntrustedLink));
        Assert.IsType<ArmInvalidResponseException>(Make(200, ArmErrorCodes.InvalidResponse));
        Assert.IsType<ArmOperationTimedOutException>(Make(0, ArmErrorCodes.OperationTimedOut));
        Assert.IsType<ManagedNetworkRulesLostException>(Make(0, ArmErrorCodes.ManagedNetworkRulesLost));
        Assert.IsType<ResourceGraphResultTruncatedException>(Make(200, ArmErrorCodes.ResourceGraphResultTruncated));
        var failed = ArmException.FromDetails(new ArmErrorDetails
        {
            Status = 200,
            Code = "ManagedNetworkProvisioningFailed",
            Message = "Subnet exhausted.",
            Operation = ArmOperation.ProvisionManagedNetwork,
            OperationStatus = LroStatus.Failed,
        });
        Assert.IsType<ArmOperationFailedException>(failed);
        Assert.Equal("ManagedNetworkProvisioningFailed", failed.Code);
        Assert.Equal(418, Make(418).Status);
        Assert.Equal(typeof(ArmException), Make(418).GetType());
    }

    [Fact]
    public async Task NotFoundAsNullAsync_turns_only_404_into_null()
    {
        var notFound = Make(404, "ResourceNotFound");
        Assert.Null(await Task.FromException<string>(notFound).NotFoundAsNullAsync());
        var other = Make(403, "AuthorizationFailed");
        var thrown = await Assert.ThrowsAsync<ArmAuthorizationFailedException>(
            () => Task.FromException<string>(other).NotFoundAsNullAsync());
        Assert.Same(other, thrown);
        Assert.Equal("3", await Task.FromResult("3").NotFoundAsNullAsync());
    }

    [Fact]
    public void Resource_descriptions_and_error_bodies()
    {
        Assert.Equal("compute ci-1", ResourceDescription.Describe($"{Ws}/computes/ci-1"));
        Assert.Equal("outbound rule pypi", ResourceDescription.Describe($"{Ws}/outboundRules/pypi"));
        Assert.Equal("role assignment abc", ResourceDescription.Describe($"{Ws}/providers/Microsoft.Authorization/roleAssignments/abc"));
        Assert.Equal("request", ResourceDescription.Describe(null));
        Assert.Equal(new ArmErrorBody("C", "M", "T"), ArmErrorBody.Parse(Json("""{"error":{"code":"C","message":"M","target":"T"}}""")));
        Assert.Equal(new ArmErrorBody("C", "M", null), ArmErrorBody.Parse(Json("""{"code":"C","message":"M"}""")));
        Assert.Equal(new ArmErrorBody(null, null, null), ArmErrorBody.Parse(Json("\"oops\"")));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
