namespace Mnet.Local.Tests.Samples;

public sealed class Greeter(string salutation) : IGreeter
{
    public string Greet(string name) => $"{salutation} {name}";
}
