using System.Text;
using Microsoft.AspNetCore.Http;
using Mnet.Service.Errors;
using Mnet.Service.Http;

namespace Mnet.Service.Tests.Http;

/// <summary>Port of tests/http/read-json-body.test.ts.</summary>
public sealed class JsonBodyReaderTests
{
    static HttpRequest Request(byte[] body, string? contentType = "application/json", bool declareLength = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        if (declareLength) context.Request.ContentLength = body.Length;
        context.Request.ContentType = contentType;
        return context.Request;
    }

    static HttpRequest Request(string body, string? contentType = "application/json") => Request(Encoding.UTF8.GetBytes(body), contentType);

    static async Task<string> KindOf(HttpRequest request, int maxBytes)
    {
        try
        {
            await JsonBodyReader.ReadObjectAsync(request, maxBytes, 32, CancellationToken.None);
            return "ok";
        }
        catch (ServiceException e)
        {
            return e.Kind.ToString();
        }
    }

    [Fact]
    public async Task Parses_a_json_object_and_accepts_plus_json_types_charset_utf8_and_a_bom()
    {
        Assert.Equal("{\"a\":1}", (await JsonBodyReader.ReadObjectAsync(Request("{\"a\":1}"), 100, 32, default)).ToJsonString());
        Assert.Equal("{\"a\":1}", (await JsonBodyReader.ReadObjectAsync(Request("{\"a\":1}", "application/merge-patch+json"), 100, 32, default)).ToJsonString());
        Assert.Equal("{\"a\":1}", (await JsonBodyReader.ReadObjectAsync(Request("{\"a\":1}", "Application/JSON; charset=\"UTF-8\""), 100, 32, default)).ToJsonString());
        Assert.Equal("{\"a\":1}", (await JsonBodyReader.ReadObjectAsync(Request("\ufeff{\"a\":1}"), 100, 32, default)).ToJsonString());
    }

    [Fact]
    public async Task The_limit_is_in_bytes_and_inclusive()
    {
        string body = "{\"s\":\"" + new string('é', 10) + "\"}";
        int bytes = Encoding.UTF8.GetByteCount(body);
        Assert.Equal("ok", await KindOf(Request(body), bytes));
        Assert.Equal(nameof(ServiceErrorKind.TooLarge), await KindOf(Request(body), bytes - 1));
        // Without a declared length the bytes read count, too.
        Assert.Equal(nameof(ServiceErrorKind.TooLarge), await KindOf(Request(Encoding.UTF8.GetBytes(body), declareLength: false), bytes - 1));
    }

    [Fact]
    public async Task An_endless_stream_is_cut_off_at_the_limit()
    {
        var endless = new EndlessStream();
        var context = new DefaultHttpContext();
        context.Request.Body = endless;
        context.Request.ContentType = "application/json";
        Assert.Equal(nameof(ServiceErrorKind.TooLarge), await KindOf(context.Request, 10_000));
        Assert.True(endless.BytesRead <= 10_000 + 16 * 1024, $"read {endless.BytesRead} bytes");
    }

    [Fact]
    public async Task Media_type_empty_non_object_and_broken_bodies()
    {
        Assert.Equal(nameof(ServiceErrorKind.UnsupportedMediaType), await KindOf(Request("{}", "text/json"), 100));
        Assert.Equal(nameof(ServiceErrorKind.UnsupportedMediaType), await KindOf(Request("{}", "application/jsonx"), 100));
        Assert.Equal(nameof(ServiceErrorKind.UnsupportedMediaType), await KindOf(Request("{}", "application/json; charset=latin1"), 100));
        Assert.Equal(nameof(ServiceErrorKind.Invalid), await KindOf(Request(""), 100));
        Assert.Equal(nameof(ServiceErrorKind.Invalid), await KindOf(Request("[1]"), 100));
        Assert.Equal(nameof(ServiceErrorKind.Invalid), await KindOf(Request([0xc3, 0x28]), 100));
    }
}
