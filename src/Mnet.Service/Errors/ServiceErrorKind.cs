namespace Mnet.Service.Errors;

/// <summary>What went wrong, transport-neutral: the HTTP layer maps each to a status and a problem type.</summary>
public enum ServiceErrorKind
{
    /// <summary>400: malformed or invalid input (every problem listed).</summary>
    Invalid,

    /// <summary>401: no or an invalid bearer token.</summary>
    Unauthenticated,

    /// <summary>403: outside the configured scope, not an approver, self-approval.</summary>
    Forbidden,

    /// <summary>404: unknown request, workspace, migration or report.</summary>
    NotFound,

    /// <summary>409: busy workspace, not waiting for approval, stale or already decided approval.</summary>
    Conflict,

    /// <summary>413: body over MNET_MAX_BODY_BYTES.</summary>
    TooLarge,

    /// <summary>415: not application/json in UTF-8.</summary>
    UnsupportedMediaType,

    /// <summary>502: Azure Resource Manager could not be read.</summary>
    Upstream,

    /// <summary>503: the app's policy or the ticket store cannot be used right now.</summary>
    Unavailable,
}
