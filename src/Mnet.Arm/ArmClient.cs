using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Arm.Http;
using Mnet.Arm.Lro;
using Mnet.Arm.Operations;
using Mnet.Arm.Throttling;

namespace Mnet.Arm;

/// <summary>
/// The real <see cref="IArmClient"/>: one Azure.Core pipeline (retry, request ceilings, bearer token, trusted CA),
/// one LRO engine, and the operation groups on top (this type's other files). Raw REST at
/// <see cref="ArmApiVersions.MachineLearning"/>. Dispose it to release pooled connections.
/// </summary>
public sealed partial class ArmClient : IArmClient, IDisposable
{
    private readonly ArmPipeline _pipeline;
    private readonly ArmTransport _transport;
    private readonly LroEngine _lro;
    private readonly KeyedMutex _ruleWrites = new();

    public ArmClient(ArmClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Endpoint.IsAbsoluteUri || options.Endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArmUsageException(
                ArmUsageErrorCode.InvalidOption, $"ARM endpoint must be https: {options.Endpoint}");
        }
        if (options.MaxRetries < 0)
        {
            throw new ArmUsageException(
                ArmUsageErrorCode.InvalidOption, $"MaxRetries must be a non-negative integer: {options.MaxRetries}");
        }
        if (options.DefaultPollInterval <= TimeSpan.Zero)
        {
            throw new ArmUsageException(
                ArmUsageErrorCode.InvalidOption, $"DefaultPollInterval must be positive: {options.DefaultPollInterval}");
        }
        var throttle = new ArmThrottle(
            new ThrottleLimits(options.WritesPerSecond, options.RequestsPerSecond), options.TimeProvider);
        _pipeline = ArmPipeline.Create(options, throttle);
        _transport = new ArmTransport(options.Endpoint, _pipeline.Pipeline);
        _lro = new LroEngine(_transport, options.TimeProvider, options.DefaultPollInterval);
    }

    public string Endpoint => _transport.Endpoint;

    public Task<LroPollResult> PollOperationAsync(LroHandle handle, CancellationToken cancellationToken = default) =>
        _lro.PollAsync(handle, cancellationToken);

    public Task<LroPollResult> WaitForOperationAsync(
        LroHandle handle, WaitOptions? wait = null, CancellationToken cancellationToken = default) =>
        _lro.WaitAsync(handle, wait, cancellationToken);

    public void Dispose() => _pipeline.Dispose();

    /// <summary>GET of one resource, read as <typeparamref name="T"/>.</summary>
    private async Task<T> GetAsync<T>(
        string id, string apiVersion, ArmOperation operation, CancellationToken cancellationToken)
    {
        var request = new ArmRequest
        {
            Method = "GET",
            Url = ArmUrls.Path(id, apiVersion),
            Operation = operation,
            ResourceId = id,
        };
        var response = await _transport.SendAsync(request, cancellationToken);
        return response.As<T>(request);
    }

    private Task<IReadOnlyList<T>> ListAsync<T>(
        string path, string apiVersion, ArmOperation operation, string resourceId, CancellationToken cancellationToken,
        IEnumerable<KeyValuePair<string, string?>>? query = null) =>
        ArmPaging.ListAllAsync<T>(
            _transport, ArmUrls.Path(path, apiVersion, query), operation, resourceId, cancellationToken);

    private Task<LroHandle> BeginAsync(
        string method, string url, ArmOperation operation, string resourceId, CancellationToken cancellationToken,
        object? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        _lro.BeginAsync(new LroBeginRequest(method, url, operation, resourceId, body, headers), cancellationToken);
}
