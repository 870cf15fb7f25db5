using System.Text;
using System.Text.RegularExpressions;

namespace Mnet.Workflows.Stores;

/// <summary>
/// Documents as files under one folder (the CLI's default store; local runs and tests): one file per key, the key's
/// segments as sub-folders. Writes go to a temporary file first and are then moved into place, so a crash mid-write
/// never leaves a truncated document, and <see cref="CreateAsync"/> moves without overwriting (an atomic create).
/// </summary>
public sealed partial class FolderDocumentStore : IDocumentStore
{
    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public FolderDocumentStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The root folder (absolute); created on the first write.</summary>
    public string Folder { get; }

    public string Location => Folder;

    public async Task PutAsync(string key, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        string path = PathOf(key);
        string temporary = await WriteTemporaryAsync(path, json, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<bool> CreateAsync(string key, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        string path = PathOf(key);
        string temporary = await WriteTemporaryAsync(path, json, cancellationToken);
        try
        {
            // Without overwrite the move fails when the target exists (on Unix .NET links, then unlinks: atomic), so
            // of two concurrent creators exactly one wins.
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        string path = PathOf(key);
        try
        {
            return await File.ReadAllTextAsync(path, Utf8, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        DocumentKeys.ValidatePrefix(prefix);
        if (!Directory.Exists(Folder))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        IReadOnlyList<string> keys = Directory
            .EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(file => !TemporaryFile().IsMatch(file))
            .Select(file => Path.GetRelativePath(Folder, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(keys);
    }

    string PathOf(string key)
    {
        DocumentKeys.Validate(key);
        return Path.Combine([Folder, .. key.Split('/')]);
    }

    static async Task<string> WriteTemporaryAsync(string path, string json, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Beside the target (same file system, so the move is a rename); its suffix hides it from listings.
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temporary, json, Utf8, cancellationToken);
        return temporary;
    }

    [GeneratedRegex(@"\.[0-9a-f]{32}\.tmp\z", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryFile();
}
