namespace Mnet.TestSupport.Repository;

/// <summary>
/// The repository's root folder (the one holding Functions.sln), found from the running test's folder.
/// </summary>
public static class RepositoryRoot
{
    const string Marker = "Functions.sln";

    public static string Path { get; } = Find(AppContext.BaseDirectory);

    /// <summary>A path under the root, from its parts (e.g. "tools", "azurite").</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    static string Find(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No {Marker} in '{start}' or any folder above it: not run from the repository?");
    }
}
