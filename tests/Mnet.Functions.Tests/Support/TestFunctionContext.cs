using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Mnet.Functions.Tests.Support;

/// <summary>
/// An invocation for calling a trigger method or middleware directly (what the worker would pass): id, token, and
/// optionally the function's name, trigger and binding data.
/// </summary>
internal sealed class TestFunctionContext(string functionName = "test", string trigger = "httpTrigger", IReadOnlyDictionary<string, object?>? bindingData = null)
    : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => "test";
    public override TraceContext TraceContext => throw new NotSupportedException();
    public override BindingContext BindingContext { get; } = new TestBindingContext(bindingData ?? new Dictionary<string, object?>());
    public override RetryContext RetryContext => throw new NotSupportedException();
    public override IServiceProvider InstanceServices { get; set; } = new EmptyServices();
    public override FunctionDefinition FunctionDefinition { get; } = new TestDefinition(functionName, trigger);
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features => throw new NotSupportedException();
    public override CancellationToken CancellationToken => CancellationToken.None;

    sealed class TestBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }

    sealed class TestDefinition(string name, string trigger) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => "test.dll";
        public override string EntryPoint => "Test.Run";
        public override string Id => name;
        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
            ImmutableDictionary<string, BindingMetadata>.Empty.Add("input", new TestBinding(trigger));

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    sealed class TestBinding(string type) : BindingMetadata
    {
        public override string Name => "input";
        public override string Type => type;
        public override BindingDirection Direction => BindingDirection.In;
    }

    sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
