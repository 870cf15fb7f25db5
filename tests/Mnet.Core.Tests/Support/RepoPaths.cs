using Mnet.TestSupport.Repository;

namespace Mnet.Core.Tests.Support;

/// <summary>Files of the repository (root found once, by <see cref="RepositoryRoot"/>).</summary>
public static class RepoPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Of(params string[] parts) => RepositoryRoot.Combine(parts);

    public static string ReadText(params string[] parts) => File.ReadAllText(Of(parts));
}
