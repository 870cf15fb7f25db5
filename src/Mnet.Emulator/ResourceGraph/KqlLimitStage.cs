namespace Mnet.Emulator.ResourceGraph;

/// <summary><c>limit n</c> (also <c>take n</c>).</summary>
public sealed record KqlLimitStage(int Count) : KqlStage;
