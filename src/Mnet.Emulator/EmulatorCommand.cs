using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Mnet.Emulator.Time;

namespace Mnet.Emulator;

/// <summary>
/// <c>mnet emulator</c>: runs the emulator on a <see cref="ScaledTimeProvider"/> until cancelled and announces it
/// with exactly two lines: <c>emulator ready https://127.0.0.1:PORT</c> and <c>ca certificate: PATH</c>. The CA
/// file is written only after the port is bound, atomically (temp file + rename). Exit codes: 0 stopped, 2 usage
/// (unknown scenario, bad argument, port taken), 3 runtime failure.
/// </summary>
public static class EmulatorCommand
{
    public const string CaFileName = "emulator-ca.pem";

    /// <param name="errors">Where refusals go (default: <paramref name="output"/>), each line after
    /// <paramref name="errorPrefix"/> (the CLI passes its own "mnet: ").</param>
    public static async Task<int> RunAsync(int port, string scenario, double timeScale, string? certDir,
        TextWriter output, CancellationToken cancellationToken, TextWriter? errors = null, string errorPrefix = "emulator: ")
    {
        ArgumentNullException.ThrowIfNull(output);
        errors ??= output;
        RunningEmulator emulator;
        try
        {
            emulator = await EmulatorHost.StartAsync(new EmulatorOptions
            {
                Port = port,
                Scenario = scenario,
                TimeProvider = new ScaledTimeProvider(timeScale),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            await errors.WriteLineAsync($"{errorPrefix}{e.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            // Kestrel reports a taken port as an IOException wrapping an AddressInUseException.
            var inUse = e.InnerException is AddressInUseException
                || e.InnerException?.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse };
            await errors.WriteLineAsync(errorPrefix + (inUse
                ? $"port {port} is already in use; pick another with --port <n> (0: any free port)"
                : $"cannot listen on 127.0.0.1:{port}: {e.Message}")).ConfigureAwait(false);
            return 2;
        }

        await using (emulator.ConfigureAwait(false))
        {
            var ownDir = certDir is null;
            var dir = certDir ?? Directory.CreateTempSubdirectory("mnet-emulator-").FullName;
            string path;
            try
            {
                path = WriteAtomically(dir, CaFileName, emulator.CaCertificatePem);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await errors.WriteLineAsync($"{errorPrefix}cannot write the CA certificate to {dir}: {e.Message}").ConfigureAwait(false);
                return 3;
            }

            await output.WriteLineAsync($"emulator ready {emulator.BaseUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"ca certificate: {path}").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopping is the normal end
            }

            if (ownDir)
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        return 0;
    }

    /// <summary>Writes a file so a reader never sees it half written (temp file in the same folder, then rename).</summary>
    public static string WriteAtomically(string directory, string fileName, string content)
    {
        Directory.CreateDirectory(directory);
        var path = Path.GetFullPath(Path.Combine(directory, fileName));
        var temp = Path.Combine(directory, $".{fileName}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
        return path;
    }
}
