namespace Mnet.Infra.Tests.Support;

/// <summary>A throwaway copy of infra/ (for compiling a mutated file); the folder is deleted on dispose.</summary>
public sealed class TempInfra : IDisposable
{
    private TempInfra(string root) => Root = root;

    public string Root { get; }

    public string PathOf(string relativePath) => System.IO.Path.Combine(Root, relativePath);

    internal static TempInfra Create(string relativePath, Func<string, string> change)
    {
        var root = Directory.CreateTempSubdirectory("mnet-infra-").FullName;
        foreach (var file in Directory.EnumerateFiles(InfraFiles.Infra, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(root, System.IO.Path.GetRelativePath(InfraFiles.Infra, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var changed = System.IO.Path.Combine(root, relativePath);
        File.WriteAllText(changed, change(File.ReadAllText(changed)));
        return new TempInfra(root);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
