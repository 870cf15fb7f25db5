using Azure.Core;

namespace Mnet.Workflows.Tests.Stores;

/// <summary>A token credential that hands out a fixed token and records the scopes it was asked for.</summary>
internal sealed class RecordingCredential : TokenCredential
{
    readonly List<string> scopes = [];

    public IReadOnlyList<string> Scopes
    {
        get
        {
            lock (scopes)
            {
                return scopes.ToArray();
            }
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (scopes)
        {
            scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken("tok-123", DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
