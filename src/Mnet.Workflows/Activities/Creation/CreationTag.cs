namespace Mnet.Workflows.Activities.Creation;

/// <summary>The tag marking the creation request a workspace came from: a retry recognises its own workspace by it.</summary>
public static class CreationTag
{
    public const string Name = "mnet-autopilot-request";
}
