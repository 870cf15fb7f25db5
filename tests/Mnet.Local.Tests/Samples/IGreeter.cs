namespace Mnet.Local.Tests.Samples;

/// <summary>A service the sample activity gets by constructor injection.</summary>
public interface IGreeter
{
    string Greet(string name);
}
