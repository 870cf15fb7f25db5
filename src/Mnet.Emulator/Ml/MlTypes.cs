namespace Mnet.Emulator.Ml;

/// <summary>ARM resource types and the workspace route prefix of the Azure ML areas.</summary>
public static class MlTypes
{
    public const string Workspace = "Microsoft.MachineLearningServices/workspaces";
    public const string OutboundRule = "Microsoft.MachineLearningServices/workspaces/outboundRules";
    public const string Compute = "Microsoft.MachineLearningServices/workspaces/computes";
    public const string OnlineEndpoint = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints";
    public const string OnlineDeployment = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments";

    /// <summary>Route pattern of one workspace (params sub, rg, ws).</summary>
    public const string WorkspaceRoute =
        "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{ws}";
}
