using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trinn.Core.Instruments.Definitions;

/// <summary>The JSON form of definitions and answer sets: snake_case names, enums as snake_case strings, nulls left out.</summary>
public static class InstrumentJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(InstrumentDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static InstrumentDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<InstrumentDefinition>(json, Options)
        ?? throw new JsonException("The JSON holds no instrument definition.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
