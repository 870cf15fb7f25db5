using Mnet.Arm.Models;

namespace Mnet.Workflows.Activities.Creation;

/// <summary>One dependent resource of a new workspace: given in the request (must exist), or created with <see cref="Body"/>.</summary>
public sealed record DependencyPlan(DependencyKind Kind, string ResourceId, bool Given, GenericResourceBody? Body = null);
