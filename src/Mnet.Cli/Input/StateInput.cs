using Mnet.Core.Planning;
using Mnet.Core.Resources;

namespace Mnet.Cli.Input;

/// <summary>
/// Where <c>plan</c> gets a workspace's state: a state file, or a live read through ARM (a reader the composition
/// passes in). An unusable state file is a usage error (exit 2), like a missing policy file.
/// </summary>
public static class StateInput
{
    public static WorkspaceState ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"{path}: state file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read the state file ({e.Message})");
        }

        try
        {
            return WorkspaceStateJson.Parse(text, path);
        }
        catch (StateFileException e)
        {
            throw new UsageException(e.Message);
        }
    }

    public static void CheckWorkspaceId(string workspaceId)
    {
        if (!ResourceId.IsWorkspaceId(workspaceId))
        {
            throw new UsageException(
                $"--workspace needs a workspace resource id, got \"{workspaceId}\"",
                "e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>");
        }
    }
}
