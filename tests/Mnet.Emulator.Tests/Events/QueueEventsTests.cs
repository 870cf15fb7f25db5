using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Mnet.Emulator.Events;
using Mnet.Emulator.Tests.Authorization;
using Mnet.Emulator.Tests.Support;
using Mnet.TestSupport.Azurite;

namespace Mnet.Emulator.Tests.Events;

/// <summary>Event Grid's Storage queue destination, against a private Azurite.</summary>
public sealed class QueueEventsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Queue_ReceivesOneBase64MessagePerEvent_TheEventsJson()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions
        {
            Events = new EventDeliveryOptions { QueueConnectionString = azurite.ConnectionString, QueueName = "emulator-events" },
        });

        await AuthorizationWire.PutResourceGroup(emu, "rg-q");

        var queue = new QueueClient(azurite.ConnectionString, "emulator-events");
        var text = await ReceiveOneAsync(queue);
        var gridEvent = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text)))!.AsObject();
        Assert.Equal("Microsoft.Resources.ResourceWriteSuccess", Json.Str(gridEvent, "eventType"));
        Assert.Equal($"/subscriptions/{Wire.Sub}/resourceGroups/rg-q", Json.Str(gridEvent, "subject"));
        Assert.Equal("Microsoft.Resources/subscriptions/resourceGroups/write", Json.Str(gridEvent, "data.operationName"));
    }

    private static async Task<string> ReceiveOneAsync(QueueClient queue)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await queue.ExistsAsync())
            {
                var messages = (await queue.ReceiveMessagesAsync(1)).Value;
                if (messages.Length > 0)
                {
                    return messages[0].MessageText;
                }
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("no message arrived on the queue within 15 s");
    }
}
