using Mnet.Arm.Actions;

namespace Mnet.Arm.Models;

/// <summary>A dependency's resource type, the api-version spoken to it and the operations of its read and write.</summary>
public sealed record DependencyType(string Type, string ApiVersion, ArmOperation Read, ArmOperation Write);
