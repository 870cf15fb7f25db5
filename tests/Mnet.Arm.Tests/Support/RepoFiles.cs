using Mnet.TestSupport.Repository;

namespace Mnet.Arm.Tests.Support;

/// <summary>Files of the repository the tests run from (root found once, by <see cref="RepositoryRoot"/>).</summary>
internal static class RepoFiles
{
    public static string Root => RepositoryRoot.Path;

    public static string PathOf(params string[] parts) => RepositoryRoot.Combine(parts);
}
