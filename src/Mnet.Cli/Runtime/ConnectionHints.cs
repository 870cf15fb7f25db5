using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Azure.Identity;

namespace Mnet.Cli.Runtime;

/// <summary>
/// One clear line for failures whose cause is the connection or the sign-in (an emulator not running, its
/// certificate not trusted, no Azure login); deep inside an orchestration these surface as long errors.
/// </summary>
public static class ConnectionHints
{
    public const string AzureLogin =
        "could not get an Azure token: run \"az login\" (or set AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_CLIENT_SECRET)";

    /// <summary>The hint for <paramref name="failure"/>, or null when its cause is something else.</summary>
    public static string? For(ArmTarget target, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(target);
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case CredentialUnavailableException or AuthenticationFailedException:
                    return AzureLogin;
                case AuthenticationException or HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }
                    when target.IsEmulator:
                    return "the emulator's certificate is not trusted: pass --ca <file> (the emulator prints \"ca certificate: <path>\")";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable }:
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }:
                    return target.IsEmulator
                        ? $"nothing answers at {target.Origin}: is the emulator running (mnet emulator --port ...)?"
                        : $"nothing answers at {target.Origin}: check --endpoint and the network";
            }
        }

        return null;
    }
}
