namespace Mnet.Core.Policy;

/// <summary>compute_migration.mode: never, require_approval, automatic.</summary>
public enum ComputeMigrationMode
{
    Never,
    RequireApproval,
    Automatic,
}
