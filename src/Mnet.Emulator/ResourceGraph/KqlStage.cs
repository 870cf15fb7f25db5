namespace Mnet.Emulator.ResourceGraph;

/// <summary>One piped stage of a query.</summary>
public abstract record KqlStage;
