using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Drift;

/// <summary>
/// Writes an instant as UTC with milliseconds (<c>2026-01-01T00:00:00.000Z</c>, the form JavaScript's toISOString
/// gives and the reports have always carried); reads any ISO 8601 timestamp.
/// </summary>
public sealed class IsoInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
