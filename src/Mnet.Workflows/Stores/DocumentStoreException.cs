using Azure;

namespace Mnet.Workflows.Stores;

/// <summary>The document store refused or failed a request (e.g. the identity may not write the container).</summary>
public sealed class DocumentStoreException : IOException
{
    public DocumentStoreException(string message, int status, string? errorCode, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status of the failing answer (0 when none came).</summary>
    public int Status { get; }

    /// <summary>The service's error code, e.g. AuthorizationFailure.</summary>
    public string? ErrorCode { get; }

    internal static DocumentStoreException From(RequestFailedException e, string operation, string key, string location) =>
        new($"Could not {operation} '{key}' in {location}: HTTP {e.Status} {e.ErrorCode ?? "(no error code)"}",
            e.Status, e.ErrorCode, e);
}
