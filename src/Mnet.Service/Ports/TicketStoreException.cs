using Mnet.Service.Errors;

namespace Mnet.Service.Ports;

/// <summary>The ticket store could not be used (callers get 503; the operation and status are for the logs).</summary>
public sealed class TicketStoreException(string operation, int? status, Exception? inner = null)
    : Exception($"ticket store {operation} failed{(status is null ? "" : $" (HTTP {status})")}", inner)
{
    public string Operation { get; } = operation;
    public int? Status { get; } = status;

    public ServiceException ToServiceException() => new(
        ServiceErrorKind.Unavailable,
        "Ticket store unavailable",
        $"The ticket store could not be used ({Operation}{(Status is null ? "" : $": HTTP {Status}")}); try again later.");
}
