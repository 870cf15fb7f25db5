namespace Mnet.Arm.Models;

/// <param name="Created">True when this call created the assignment.</param>
/// <param name="AlreadyExisted">True when an equivalent grant was already there (same name, or 409 RoleAssignmentExists).</param>
/// <param name="Name">The deterministic name the client used.</param>
public sealed record RoleAssignmentPutResult(bool Created, bool AlreadyExisted, string Name, string Id);
