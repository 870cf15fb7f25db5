using Azure.Core;
using Mnet.Arm.Credentials;

namespace Mnet.Arm.Tests.Support;

/// <summary>A static token that counts its uses and records the scopes asked for.</summary>
internal sealed class CountingCredential(string token = "fixed-token") : StaticTokenCredential(token)
{
    private int _calls;
    private readonly List<string> _scopes = [];

    public int Calls => _calls;
    public IReadOnlyList<string> Scopes
    {
        get
        {
            lock (_scopes) return _scopes.ToArray();
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        lock (_scopes) _scopes.AddRange(requestContext.Scopes);
        return base.GetToken(requestContext, cancellationToken);
    }

    public override ValueTask<AccessToken> GetTokenAsync(
        TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
