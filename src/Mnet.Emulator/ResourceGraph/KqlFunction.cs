namespace Mnet.Emulator.ResourceGraph;

/// <summary>The scalar functions a field may be wrapped in.</summary>
public enum KqlFunction
{
    None,
    ToLower,
    ToString,
}
