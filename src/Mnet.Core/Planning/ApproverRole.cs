using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>The role that lets the workspace identity approve private endpoint connections on a target.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(BuiltinApproverRole), "builtin")]
[JsonDerivedType(typeof(CustomApproverRole), "custom")]
public abstract record ApproverRole(string Name);
