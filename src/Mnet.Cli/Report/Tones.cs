namespace Mnet.Cli.Report;

/// <summary>Status words mapped to tones, and the one palette the page and its SVG diagrams share.</summary>
public static class Tones
{
    public static Tone Of(string? status) => (status ?? "").ToLowerInvariant() switch
    {
        "active" or "succeeded" or "compliant" or "ok" => Tone.Good,
        "provisioning" or "deleting" or "running" or "drifted" or "waiting" => Tone.Busy,
        "failed" or "refused" or "rejected" or "timed-out" or "high" => Tone.Bad,
        _ => Tone.Idle,
    };

    /// <summary>CSS class (and Mermaid class) of a tone.</summary>
    public static string ClassOf(Tone tone) => tone.ToString().ToLowerInvariant();

    public static (string Fg, string Bg) Colors(Tone tone) => tone switch
    {
        Tone.Good => ("#166534", "#dcfce7"),
        Tone.Busy => ("#92400e", "#fef3c7"),
        Tone.Bad => ("#991b1b", "#fee2e2"),
        _ => ("#374151", "#e5e7eb"),
    };

    /// <summary>Badge color of an isolation mode: approved outbound is the goal, internet half-way, none grey.</summary>
    public static string ModeColor(string mode) => mode switch
    {
        "AllowOnlyApprovedOutbound" => "#0f766e",
        "AllowInternetOutbound" => "#b45309",
        _ => "#6b7280",
    };
}
