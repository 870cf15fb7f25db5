using Mnet.Core.Catalog;
using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Rules;

/// <summary>imageBuildCompute names a compute cluster; "" resets it. Facts: "Other prerequisites and limits".</summary>
internal static class ImageBuildComputeCheck
{
    public static void Check(PolicyView view, ProblemSink sink)
    {
        var name = view.ImageBuildCompute;
        if (string.IsNullOrEmpty(name) || ComputeMigration.ComputeNamePattern.IsMatch(name)) return;
        sink.Error(["image_build_compute"], PolicyRuleIds.ImageBuildComputeName,
            $"\"{name}\" is not a compute cluster name (2-24 letters, digits or \"-\", starting with a letter); use " +
            "\"\" to reset");
    }
}
