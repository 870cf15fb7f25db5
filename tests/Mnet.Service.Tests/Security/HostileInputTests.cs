using System.Text;
using System.Text.Json.Nodes;
using Mnet.Service.Tests.Support;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Security;

/// <summary>
/// The hostile-ticket suite's input cases (the bad-input corpus has them row by row too): oversize, deep, invalid
/// UTF-8 and wrong-type bodies, path traversal in ids, bidirectional-override characters in names. Each is refused
/// before anything is read, started or recorded.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    readonly ServiceRig rig = new(maxBodyBytes: 4096);

    public HostileInputTests() => rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));

    public void Dispose() => rig.Dispose();

    async Task<HttpAnswer> RawAsync(byte[] body, string contentType = "application/json") =>
        await rig.SendAsync(rig.Api.SubmitRequestAsync, "POST", "/api/v1/requests",
            new HttpRequestSpec { RawBytes = body, Headers = new Dictionary<string, string> { ["content-type"] = contentType } });

    void NothingHappened()
    {
        Assert.Equal(0, rig.Planning.Reads);
        Assert.Empty(rig.Durable.Starts);
        Assert.Equal(0, rig.TicketCount);
    }

    [Fact]
    public async Task An_oversize_body_is_413_declared_or_not()
    {
        var big = Encoding.UTF8.GetBytes(ServiceRig.SubmitBody(b => b["requestedBy"] = new string('x', 5000)).ToJsonString());
        Assert.Equal(413, (await RawAsync(big)).Status);
        var streamed = await rig.SendAsync(rig.Api.SubmitRequestAsync, "POST", "/api/v1/requests",
            new HttpRequestSpec { RawBytes = big, Headers = new Dictionary<string, string> { ["content-length"] = "10" } });
        Assert.Equal(413, streamed.Status);
        NothingHappened();
    }

    [Fact]
    public async Task A_deeply_nested_body_is_400_json()
    {
        string deep = "{\"policy\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 201);
        var res = await RawAsync(Encoding.UTF8.GetBytes(deep));
        Assert.Equal(400, res.Status);
        Assert.Equal(["json"], res.ErrorRules);
        NothingHappened();
    }

    [Fact]
    public async Task Invalid_utf8_and_overlong_encodings_are_400_json()
    {
        foreach (byte[] bytes in new[] { new byte[] { 0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d }, [0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d], [0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d] })
        {
            var res = await RawAsync(bytes);
            Assert.Equal(400, res.Status);
            Assert.Equal(["json"], res.ErrorRules);
        }

        NothingHappened();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json+evil")]
    [InlineData("")]
    public async Task A_wrong_content_type_is_415(string contentType)
    {
        var res = await RawAsync(Encoding.UTF8.GetBytes(ServiceRig.SubmitBody().ToJsonString()), contentType);
        Assert.Equal(415, res.Status);
        NothingHappened();
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../../etc/passwd")]
    [InlineData("mnet-onboard-..%2f..%2fsecrets")]
    [InlineData("mnet-onboard-0123456789abcdef/../../x")]
    [InlineData("mnet-onboard-0123456789abcdef\\..\\x")]
    [InlineData("mnet-onboard-0123456789ABCDEF")]
    public async Task Path_traversal_in_request_ids_is_400_before_any_lookup(string id)
    {
        rig.Durable.GetOverride = _ => throw new InvalidOperationException("looked up");
        Assert.Equal(400, (await rig.GetAsync(id)).Status);
        var decision = new JsonObject { ["approver"] = "carol", ["runId"] = "run-0123456789abcdef", ["planHash"] = new string('a', 32) };
        Assert.Equal(400, (await rig.DecideAsync(true, id, decision)).Status);
        Assert.Empty(rig.Durable.Events);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../../x")]
    [InlineData("a/b")]
    [InlineData("0123.4567")]
    public async Task Path_traversal_in_migration_ids_is_400_before_anything_is_read(string id)
    {
        var body = new JsonObject { ["workspaceId"] = WsId("ws-one"), ["ticketId"] = "CHG-R1", ["requestedBy"] = "bob@contoso.com" };
        var res = await rig.SendAsync(rig.Api.ResumeMigrationAsync, "POST", $"/api/v1/migrations/{id}/resume", new HttpRequestSpec { Body = body, Id = id });
        Assert.Equal(400, res.Status);
        Assert.Contains("migration-id", res.ErrorRules);
        NothingHappened();
    }

    [Theory]
    [InlineData("requestedBy", "alice\u202e@moc.osotnoc")]
    [InlineData("requestedBy", "\u2067alice@contoso.com\u2069")]
    [InlineData("requestedBy", "alice\u200f@contoso.com")]
    [InlineData("ticketId", "INC\u202e1000")]
    public async Task Bidirectional_override_characters_in_names_are_refused(string field, string value)
    {
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b[field] = value));
        Assert.Equal(400, res.Status);
        Assert.Contains(field, res.ErrorPaths);
        NothingHappened();
    }

    [Fact]
    public async Task Bidirectional_override_characters_in_workspace_names_and_tags_are_refused()
    {
        var ws = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["workspaceId"] = WsId("ws\u202eeno")));
        Assert.Equal(400, ws.Status);
        var tag = await rig.CreateAsync(ServiceRig.CreateBody(b => b["tags"] = new JsonObject { ["owner"] = "ml\u202eteam" }));
        Assert.Equal(400, tag.Status);
        Assert.Contains("bidi-characters", tag.ErrorRules);
        NothingHappened();
    }

    [Fact]
    public async Task Duplicate_members_cannot_smuggle_a_second_value_past_the_checks()
    {
        var res = await RawAsync(Encoding.UTF8.GetBytes("{\"workspaceId\":\"" + WsId("ws-one") + "\",\"ticketId\":\"INC1\",\"requestedBy\":\"a\",\"dryRun\":true,\"dryRun\":false}"));
        Assert.Equal(400, res.Status);
        NothingHappened();
    }
}
