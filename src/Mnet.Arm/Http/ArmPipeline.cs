using Azure.Core;
using Azure.Core.Pipeline;
using Mnet.Arm.Errors;
using Mnet.Arm.Throttling;

namespace Mnet.Arm.Http;

/// <summary>
/// The one HTTP pipeline every ARM call goes through, in Azure and against the emulator alike:
/// client request id -> user agent -> retry (<see cref="ArmRetryPolicy"/>) -> request budget
/// (<see cref="ArmThrottlePolicy"/>) -> bearer token -> transport. Only the endpoint, the credential and the trusted
/// CA differ; the emulator gets the same bearer-token policy.
/// </summary>
internal sealed class ArmPipeline : IDisposable
{
    private readonly HttpClientHandler _handler;
    private readonly HttpClientTransport _transport;

    private ArmPipeline(HttpPipeline pipeline, HttpClientHandler handler, HttpClientTransport transport)
    {
        Pipeline = pipeline;
        _handler = handler;
        _transport = transport;
    }

    public HttpPipeline Pipeline { get; }

    public static string TokenScopeFor(Uri endpoint) => $"{endpoint.GetLeftPart(UriPartial.Authority)}/.default";

    public static ArmPipeline Create(ArmClientOptions options, ArmThrottle throttle)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        if (options.CaCertificatePem is { } pem) handler.ServerCertificateCustomValidationCallback = CaTrust.Validator(pem);
        var transport = new HttpClientTransport(handler);
        var clientOptions = new ArmPipelineClientOptions
        {
            Transport = transport,
            RetryPolicy = new ArmRetryPolicy(new RetrySettings
            {
                MaxRetries = options.MaxRetries,
                BaseDelay = options.BaseRetryDelay,
                MaxDelay = options.MaxRetryDelay,
                Time = options.TimeProvider,
                Random = options.Random ?? System.Random.Shared.NextDouble,
                OnRequest = options.OnRequest,
            }),
        };
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        try
        {
            clientOptions.Diagnostics.ApplicationId = options.UserAgent;
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArmUsageException(ArmUsageErrorCode.InvalidOption, $"user agent \"{options.UserAgent}\": {e.Message}", e);
        }
        var bearer = new BearerTokenAuthenticationPolicy(
            options.Credential, options.TokenScope ?? TokenScopeFor(options.Endpoint));
        var pipeline = HttpPipelineBuilder.Build(
            clientOptions, [], [new ArmThrottlePolicy(throttle), bearer], new ResponseClassifier());
        return new ArmPipeline(pipeline, handler, transport);
    }

    /// <summary>Releases pooled connections (lets a test process or a CLI exit promptly).</summary>
    public void Dispose()
    {
        _transport.Dispose();
        _handler.Dispose();
    }
}
