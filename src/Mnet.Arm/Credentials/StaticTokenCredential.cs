using Azure.Core;
using Mnet.Arm.Errors;

namespace Mnet.Arm.Credentials;

/// <summary>
/// A fixed bearer token, for the LOCAL EMULATOR ONLY: the emulator accepts any token, Azure rejects this one.
/// Never configure it for a real ARM endpoint.
/// </summary>
public class StaticTokenCredential : TokenCredential
{
    public const string DefaultToken = "local-emulator-token";

    private readonly string _token;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public StaticTokenCredential(string token = DefaultToken, TimeSpan? lifetime = null, TimeProvider? time = null)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArmUsageException(ArmUsageErrorCode.InvalidOption, "StaticTokenCredential needs a non-empty token");
        }
        _token = token;
        _lifetime = lifetime ?? TimeSpan.FromHours(1);
        _time = time ?? TimeProvider.System;
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(_token, _time.GetUtcNow() + _lifetime);

    public override ValueTask<AccessToken> GetTokenAsync(
        TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
