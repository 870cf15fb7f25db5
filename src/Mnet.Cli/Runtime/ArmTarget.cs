using Mnet.Arm;
using Mnet.Cli.Parsing;

namespace Mnet.Cli.Runtime;

/// <summary>
/// Where the CLI's ARM calls go, from <c>--endpoint</c> / <c>--ca</c>: no endpoint is Azure; a loopback endpoint, or
/// any endpoint given with a CA, is an emulator (its fixed token); any other endpoint is Azure again (a sovereign
/// cloud). The emulator's token therefore never travels to a non-loopback host the user did not pin a CA for.
/// </summary>
public sealed record ArmTarget(ArmTargetKind Kind, Uri Endpoint, string? CaPem = null, string? CaPath = null)
{
    public bool IsEmulator => Kind == ArmTargetKind.Emulator;

    /// <summary>Origin without a trailing slash, as messages show it.</summary>
    public string Origin => Endpoint.GetLeftPart(UriPartial.Authority);

    /// <exception cref="UsageException">The options are unusable (the message names which and why).</exception>
    public static ArmTarget Resolve(ParsedArgs args)
    {
        var endpoint = args.Value("endpoint");
        var caPath = args.Value("ca");
        if (endpoint is null)
        {
            return caPath is null
                ? new ArmTarget(ArmTargetKind.Azure, ArmClientOptions.AzureEndpoint)
                : throw new UsageException("--ca needs --endpoint (the emulator it belongs to)");
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var url) || url.Host.Length == 0)
        {
            throw new UsageException($"--endpoint must be a URL, got \"{endpoint}\"", "e.g. --endpoint https://127.0.0.1:8443");
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            throw new UsageException($"--endpoint must be https (tokens never travel in clear), got \"{endpoint}\"", "");
        }

        var origin = new Uri(url.GetLeftPart(UriPartial.Authority));
        var ca = caPath is null ? null : ReadCa(caPath);
        return ca is not null || url.IsLoopback
            ? new ArmTarget(ArmTargetKind.Emulator, origin, ca, caPath)
            : new ArmTarget(ArmTargetKind.Azure, origin);
    }

    private static string ReadCa(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"{path}: CA certificate file not found", "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read the CA certificate file ({e.Message})", "");
        }

        return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
            ? text
            : throw new UsageException($"{path}: not a PEM certificate", "");
    }
}
