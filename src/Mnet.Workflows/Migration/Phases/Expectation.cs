namespace Mnet.Workflows.Migration.Phases;

/// <summary>When an operation is over: a create once its resource is there and settled, a delete once it is gone.</summary>
public enum Expectation
{
    Present,
    Gone,
}
