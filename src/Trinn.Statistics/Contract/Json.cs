using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trinn.Statistics.Contract;

/// <summary>Helpers that build contract result trees: undefined or non-finite numbers become null.</summary>
internal static class Json
{
    public static JsonNode? Num(double? value) =>
        value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;

    public static JsonNode Num(int value) => JsonValue.Create(value);

    public static JsonNode Code(decimal value) => JsonValue.Create(value / 1.000000000000000000000000000000000m);

    public static JsonNode? Bool(bool? value) => value is { } b ? JsonValue.Create(b) : null;

    public static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    public static JsonObject Obj(params (string Key, JsonNode? Value)[] pairs)
    {
        var o = new JsonObject();
        foreach ((string key, JsonNode? value) in pairs)
        {
            o[key] = value;
        }

        return o;
    }

    public static string RequireString(JsonObject input, string key) =>
        input[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
            : throw new StatsRequestException($"The request's input needs a text field '{key}'.");

    public static IReadOnlyList<string> RequireStrings(JsonObject input, string key)
    {
        if (input[key] is not JsonArray a || a.Count == 0 || a.Any(x => x is not JsonValue xv || xv.GetValueKind() != JsonValueKind.String))
        {
            throw new StatsRequestException($"The request's input needs a non-empty list of names '{key}'.");
        }

        return a.Select(x => x!.GetValue<string>()).ToList();
    }

    public static double? OptionalNumber(JsonObject input, string key)
    {
        JsonNode? node = input[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number)
            {
                // Via the JSON text, so values built in memory as int or decimal read the same as parsed ones.
                return double.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d))
            {
                return d;
            }
        }

        throw new StatsRequestException($"The request's field '{key}' must be a number.");
    }

    public static double RequireNumber(JsonObject input, string key) =>
        OptionalNumber(input, key) ?? throw new StatsRequestException($"The request's input needs a number '{key}'.");

    public static decimal RequireCode(JsonObject input, string key)
    {
        JsonNode? node = input[key];
        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal n))
            {
                return n;
            }

            if (v.GetValueKind() == JsonValueKind.String && decimal.TryParse(v.GetValue<string>(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal d))
            {
                return d;
            }
        }

        throw new StatsRequestException($"The request's input needs a group code '{key}' (a number).");
    }
}
