namespace Mnet.Bench.Lib;

/// <summary>The repository root: the nearest folder above the working directory or the bench's binaries holding Functions.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    static string Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Functions.sln"))) return dir.FullName;
            }
        }

        throw new InvalidOperationException("Functions.sln not found above the working directory: run the bench from the repository.");
    }
}
