using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Events;

/// <summary>
/// Event Grid emission: when <see cref="EmulatorOptions.Events"/> names a destination, every successful write
/// raises the Azure Resource Manager event Event Grid would deliver (<see cref="ResourceEventObserver"/>). No routes.
/// </summary>
public sealed class EventsArea : IEmulatorArea
{
    public void Register(RouteTable routes)
    {
    }

    public void Initialize(AreaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.State.Options.Events is not { Enabled: true } options)
        {
            return;
        }

        var sinks = new List<IEventSink>();
        if (options.WebhookUrl is not null)
        {
            sinks.Add(new WebhookEventSink(options.WebhookUrl, options.WebhookHandler, options.ValidateWebhook));
        }

        if (options.QueueConnectionString is not null)
        {
            sinks.Add(new QueueEventSink(options.QueueConnectionString, options.QueueName));
        }

        sinks.AddRange(options.Sinks);
        context.Observers.Add(new ResourceEventObserver(new EventPublisher(sinks, options.RetryDelays)));
    }
}
