using Azure.Core;

namespace Mnet.Emulator.Tests.Sdk;

/// <summary>A bearer token the emulator accepts (it reads tokens, it does not verify them).</summary>
public sealed class FakeTokenCredential(string token = "sdk-test-token") : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
