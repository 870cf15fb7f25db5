using Mnet.Cli.Report;

namespace Mnet.Cli.Demo;

/// <summary>What the product said about one workspace during the run, and what the demo did to it.</summary>
public sealed class WorkspaceNotes
{
    public List<string> PlannedSteps { get; set; } = [];
    public List<string> Warnings { get; } = [];
    public List<string> Notes { get; } = [];
    /// <summary>Steps the orchestrations recorded (from the API's final answer) and the approvals the demo gave.</summary>
    public List<StepView> Steps { get; } = [];
    public List<OrchestrationView> Orchestrations { get; } = [];
    public PostureView? Posture { get; set; }
}
