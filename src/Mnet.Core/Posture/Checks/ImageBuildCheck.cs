using Mnet.Core.Catalog;
using Mnet.Core.Posture.Inputs;

namespace Mnet.Core.Posture.Checks;

/// <summary>
/// The image build compute: named when the registry or the storage account is network restricted, and naming a
/// compute cluster of the workspace whenever it is set.
/// </summary>
internal static class ImageBuildCheck
{
    public static void Run(PostureContext ctx, ICollection<PostureFinding> findings)
    {
        var name = ctx.Workspace.Properties.ImageBuildCompute?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            var restricted = new[] { ctx.RegistryId, ctx.StorageId }
                .Select(ctx.Dependency)
                .OfType<DependencyResource>()
                .Where(r => DependencyIsolation.IsIsolated(ctx, r))
                .Select(r => r.Name ?? r.Id)
                .ToList();
            if (restricted.Count > 0)
            {
                findings.Add(PostureRules.ImageBuildComputeMissing.Finding(ctx.Workspace.Id,
                    $"Workspace {ctx.Workspace.Name} sets no imageBuildCompute while {string.Join(" and ", restricted)} " +
                    $"{(restricted.Count > 1 ? "are" : "is")} network restricted: images are built on serverless compute, " +
                    "which cannot reach them."));
            }
            return;
        }
        var cluster = ctx.Input.Computes.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (cluster is null || cluster.Properties.ComputeType != ComputeMigration.ImageBuildComputeType)
        {
            var what = cluster is null ? "no compute of the workspace" : $"a {cluster.Properties.ComputeType}";
            findings.Add(PostureRules.ImageBuildComputeInvalid.Finding(ctx.Workspace.Id,
                $"Workspace {ctx.Workspace.Name} sets imageBuildCompute \"{name}\", which is {what}, not a compute cluster."));
        }
    }
}
