using System.Text;
using Mnet.Arm.Actions;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Catalog;

namespace Mnet.Arm.Tests.Actions;

/// <summary>
/// Port of tests/arm/actions-used.test.ts: every action the app is granted is one the ARM client really uses. Each
/// <see cref="ArmOperation"/> is referenced by the client's code (as <c>ArmOperation.X</c>, outside comments and
/// outside the Actions folder that declares them) or is on the allow-list with a reason; a stale entry fails too.
/// </summary>
public sealed class ArmActionsTests
{
    /// <summary>Operations no client call is tagged with, and why the app still needs their action.</summary>
    private static readonly Dictionary<ArmOperation, string> NotACall = new()
    {
        [ArmOperation.ReadOperationStatus] =
            "authorizes the GETs that poll ML long-running operations under locations/; the client tags those polls " +
            "with the operation that started them",
    };

    private static readonly Lazy<string> ClientCode = new(() =>
    {
        var root = RepoFiles.PathOf("src", "Mnet.Arm");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Actions{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        return string.Join('\n', files.Select(f => StripComments(File.ReadAllText(f))));
    });

    private static bool Referenced(string name) =>
        ClientCode.Value.Contains($"ArmOperation.{name}", StringComparison.Ordinal) &&
        System.Text.RegularExpressions.Regex.IsMatch(ClientCode.Value, $@"ArmOperation\.{name}\b");

    /// <summary>Removes // and /* */ comments outside "..." and '...' literals.</summary>
    internal static string StripComments(string source)
    {
        var output = new StringBuilder();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c is '"' or '\'')
            {
                var j = i + 1;
                while (j < source.Length && source[j] != c) j += source[j] == '\\' ? 2 : 1;
                output.Append(source, i, Math.Min(j + 1, source.Length) - i);
                i = j + 1;
            }
            else if (string.CompareOrdinal(source, i, "//", 0, 2) == 0)
            {
                var newline = source.IndexOf('\n', i);
                i = newline < 0 ? source.Length : newline;
            }
            else if (string.CompareOrdinal(source, i, "/*", 0, 2) == 0)
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 2;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }
        return output.ToString();
    }

    [Fact]
    public void Every_ARM_operation_is_used_by_the_ARM_client_or_allow_listed_with_a_reason()
    {
        var unused = Enum.GetValues<ArmOperation>()
            .Where(o => !Referenced(o.ToString()) && !NotACall.ContainsKey(o))
            .ToArray();
        Assert.True(unused.Length == 0, $"operations no client code uses (remove them, or allow-list them with a reason): {string.Join(", ", unused)}");
        Assert.Equal(Enum.GetValues<ArmOperation>().Length, ArmActions.All.Count); // every operation has its action
    }

    [Fact]
    public void The_allow_list_is_current_each_entry_exists_is_not_referenced_and_gives_a_reason()
    {
        foreach (var (operation, reason) in NotACall)
        {
            Assert.True(ArmActions.All.ContainsKey(operation), $"{operation} is allow-listed but has no action");
            Assert.False(Referenced(operation.ToString()), $"{operation} is allow-listed but the client uses it");
            Assert.True(reason.Length > 20, $"{operation} needs a reason");
        }
    }

    [Fact]
    public void The_stripper_does_not_count_commented_out_references()
    {
        Assert.Equal("a \nb  c \"z\" \"//w\"", StripComments("a // \"x\"\nb /* \"y\" */ c \"z\" \"//w\""));
        // A name the client does not use is reported (the check is not vacuous).
        Assert.False(Referenced("ReadAnyResource"));
        Assert.True(Referenced(nameof(ArmOperation.ReadWorkspace)));
    }

    [Fact]
    public void No_wildcard_read_and_the_operator_only_and_workspace_creation_lists_are_consistent()
    {
        Assert.DoesNotContain("*/read", ArmActions.ActionList);
        foreach (var action in ArmActions.ActionList)
        {
            Assert.True(!action.Contains('*', StringComparison.Ordinal) || action == ArmActions.Of(ArmOperation.ReadOperationStatus), $"wildcard action {action}");
        }
        Assert.Equal(["Microsoft.Authorization/roleDefinitions/write"], ArmActions.OperatorOnly);
        foreach (var action in ArmActions.OperatorOnly.Concat(ArmActions.WorkspaceCreationOnly))
        {
            Assert.Contains(action, ArmActions.ActionList);
        }
        Assert.Empty(ArmActions.OperatorOnly.Intersect(ArmActions.WorkspaceCreationOnly));
        // Reading one's own permissions needs no grant, so it is not in the list infra grants.
        Assert.DoesNotContain(ArmActions.Of(ArmOperation.ReadPermissions), ArmActions.ActionList);
        Assert.Equal(ArmActions.ActionList.Order(StringComparer.Ordinal), ArmActions.ActionList);
        // The deployer actions are the catalog's, not a re-typed copy.
        Assert.Same(ApproverRoles.DeployerRequiredActions, ArmActions.Implied);
        foreach (var action in ArmActions.Implied) Assert.Contains(action, ArmActions.ActionList);
    }
}
