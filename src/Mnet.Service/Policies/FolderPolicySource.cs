using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Mnet.Core.Policy;
using Mnet.Service.Bodies;
using Mnet.Service.Errors;
using Mnet.Service.Ports;

namespace Mnet.Service.Policies;

/// <summary>
/// The app's policy file (MNET_POLICY_PATH) and the named policies of MNET_POLICY_DIR. A name must match
/// <c>[A-Za-z0-9][A-Za-z0-9_-]{0,63}</c> and is looked up among the folder's .yaml/.yml/.json files only (never
/// joined blindly into a path). Files ship with the app and are cached; a failed app-policy load is retried on the
/// next call. Relative paths are read from <c>root</c> (default: the app's base directory), never the working
/// directory. A folder that exists but cannot be read is an outage (503), never "no policies".
/// </summary>
public sealed partial class FolderPolicySource : IPolicySource
{
    static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    readonly string policyPath;
    readonly string policyDir;
    readonly SemaphoreSlim appGate = new(1, 1);
    readonly ConcurrentDictionary<string, PolicyResolution> named = new(StringComparer.Ordinal);
    Core.Policy.Policy? appPolicy;

    public FolderPolicySource(string policyPath, string policyDir, string? root = null)
    {
        ArgumentNullException.ThrowIfNull(policyPath);
        ArgumentNullException.ThrowIfNull(policyDir);
        string baseDir = root ?? AppContext.BaseDirectory;
        this.policyPath = Path.GetFullPath(policyPath, baseDir);
        this.policyDir = Path.GetFullPath(policyDir, baseDir);
    }

    public async Task<Core.Policy.Policy> GetAppPolicyAsync(CancellationToken cancellationToken = default)
    {
        if (appPolicy is { } cached) return cached;
        await appGate.WaitAsync(cancellationToken);
        try
        {
            if (appPolicy is { } loaded) return loaded;
            var result = await LoadAsync(policyPath, cancellationToken);
            if (!result.Ok)
            {
                throw new PolicyUnavailableException(
                    $"policy {policyPath} is invalid: {string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}"))}");
            }

            appPolicy = result.Policy!;
            return appPolicy;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyUnavailableException($"policy {policyPath} cannot be read: {e.Message}", e);
        }
        finally
        {
            appGate.Release();
        }
    }

    public async Task<PolicyResolution> ResolveNamedAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!PolicyName().IsMatch(name))
        {
            return PolicyResolution.Refused(new FieldProblem("policy", "is not a valid policy name (1-64 letters, digits, \"-\" or \"_\")", BodyRules.PolicyName));
        }

        if (named.TryGetValue(name, out var cached)) return cached;
        var files = ListFiles();
        // Only a file actually present in the folder is opened.
        string? file = Extensions.Select(ext => name + ext).FirstOrDefault(files.Contains);
        if (file is null)
        {
            var known = files.Where(f => Extensions.Any(ext => f.EndsWith(ext, StringComparison.Ordinal)))
                .Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(n => PolicyName().IsMatch(n))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(50).ToList();
            return PolicyResolution.Refused(new FieldProblem("policy",
                $"unknown policy \"{name}\"{(known.Count > 0 ? $"; known policies: {string.Join(", ", known)}" : "")}", BodyRules.UnknownPolicy));
        }

        PolicyLoadResult result;
        try
        {
            result = await LoadAsync(Path.Combine(policyDir, file), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyUnavailableException($"policy {file} cannot be read: {e.Message}", e);
        }

        var resolution = result.Ok
            ? PolicyResolution.Of(result.Policy!)
            : new PolicyResolution(null, [.. result.Problems.Select(p => new FieldProblem(
                p.Path.Length == 0 ? $"policy({name})" : $"policy({name}).{p.Path}", p.Message, p.Rule))]);
        return named.GetOrAdd(name, resolution);
    }

    HashSet<string> ListFiles()
    {
        try
        {
            return Directory.EnumerateFiles(policyDir).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        }
        catch (DirectoryNotFoundException) when (!File.Exists(policyDir))
        {
            // Only a folder that does not exist means "no named policies"; a file in its place is an outage.
            return [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyUnavailableException($"the named policies (MNET_POLICY_DIR) cannot be read: {e.GetType().Name}", e);
        }
    }

    static async Task<PolicyLoadResult> LoadAsync(string path, CancellationToken cancellationToken) =>
        PolicyLoader.Load(await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyName();
}
