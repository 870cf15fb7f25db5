using Mnet.Emulator.Authorization;

namespace Mnet.Emulator.Tests.Authorization;

public sealed class CallerIdentityTests
{
    [Fact]
    public void PrincipalId_FromTheJwtOidClaim_OrAGuidToken_ElseNone()
    {
        const string oid = "7f000000-0000-4000-8000-0000000000a1";

        Assert.Equal(oid, CallerIdentity.PrincipalId($"Bearer {PermissionsTests.Jwt(oid)}"));
        Assert.Equal(oid, CallerIdentity.PrincipalId($"bearer {oid.ToUpperInvariant()}"));
        Assert.Null(CallerIdentity.PrincipalId("Bearer test-token"));
        Assert.Null(CallerIdentity.PrincipalId("Bearer a.!!!.c"));
        Assert.Null(CallerIdentity.PrincipalId("Basic abc"));
        Assert.Null(CallerIdentity.PrincipalId(null));
    }
}
