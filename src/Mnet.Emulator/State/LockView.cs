namespace Mnet.Emulator.State;

/// <summary>A management lock as the pipeline needs it: where it applies and how strongly.</summary>
/// <param name="Level">CanNotDelete or ReadOnly.</param>
public sealed record LockView(string Id, string Name, string Scope, string Level);
