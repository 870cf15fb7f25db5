namespace Mnet.Core.Catalog;

/// <summary>
/// Scale-out of an Azure Functions app on the Flex Consumption plan. The maximum instance count applies to the
/// on-demand instances of EACH per-function scale group, not to the app's combined instances: all HTTP triggers scale
/// together, all Durable triggers (orchestration, activity, entity) together, and every other trigger (queue, timer,
/// ...) on instances of its own. Source: Microsoft Learn, "Event-driven scaling in Azure Functions" (limit scale-out,
/// per-function scaling).
/// </summary>
public static class FlexConsumptionScale
{
    /// <summary>Lowest value of <c>functionAppConfig.scaleAndConcurrency.maximumInstanceCount</c>.</summary>
    public const int MinimumMaximumInstanceCount = 1;

    /// <summary>Highest supported value of the maximum instance count.</summary>
    public const int MaximumMaximumInstanceCount = 1000;
}
