using System.Net.Http;
using System.Net.Sockets;

namespace Mnet.Arm.Http;

/// <summary>
/// Connection-level failures worth retrying: resets, aborts, time-outs, a response cut short. A refused connection
/// or an unknown host is left out on purpose: it usually means a wrong endpoint, and retrying only delays saying so.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception failure, CancellationToken callerToken)
    {
        // A time-out of the pipeline's own network timer, not the caller giving up.
        if (failure is OperationCanceledException) return !callerToken.IsCancellationRequested;
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException socket:
                    return socket.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted
                        or SocketError.TimedOut or SocketError.Shutdown or SocketError.TryAgain
                        or SocketError.NetworkReset or SocketError.OperationAborted;
                case HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }:
                case HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded }:
                    return true;
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError
                    or HttpRequestError.SecureConnectionError }:
                    return false;
            }
        }
        return false;
    }
}
