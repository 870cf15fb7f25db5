namespace Mnet.Cli.Report;

/// <summary>One line of a rule group: a rule, or the service's Required rules of that type folded into one line.</summary>
public sealed record RuleRow(RuleView? Rule, int FoldedCount = 0, string FoldedName = "", string FoldedText = "", string FoldedStatus = "")
{
    public bool IsFolded => Rule is null;
}
