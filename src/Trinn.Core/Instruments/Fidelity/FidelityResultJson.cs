using System.Text.Encodings.Web;
using System.Text.Json;

namespace Trinn.Core.Instruments.Fidelity;

/// <summary>
/// The JSON shape of round results (the CLI's output): <c>{"results":[{"team","round","mode","items":[{"item","mean","n",
/// "sd","min","max"}],"total","complete","band","band_note","flags",…}]}</c>. Items 1–19 are always present (mean null,
/// n 0 when nobody answered). Numbers are invariant and at full precision: decimals as computed (exact for means such
/// as 3.4; 28 significant digits for repeating fractions), doubles in shortest round-trip form.
/// </summary>
public static class FidelityResultJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IEnumerable<FidelityRoundResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                WriteResult(json, result);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteResult(Utf8JsonWriter json, FidelityRoundResult result)
    {
        json.WriteStartObject();
        json.WriteString("team", result.Team);
        json.WriteString("round", result.Round);
        json.WriteString("mode", FidelityScoringModes.Name(result.Options.Mode));
        if (result.Options.Mode == FidelityScoringMode.SeedReplication)
        {
            json.WriteString("multi_select_aggregate", result.Options.MultiSelectAggregate.ToString().ToLowerInvariant());
        }

        json.WriteString("item19_form", result.Options.Item19Form.ToString().ToLowerInvariant());
        json.WriteStartArray("items");
        foreach (var item in result.Items)
        {
            json.WriteStartObject();
            json.WriteNumber("item", item.Item);
            WriteNullable(json, "mean", item.Mean);
            json.WriteNumber("n", item.N);
            if (item.Sd is { } sd)
            {
                json.WriteNumber("sd", sd);
            }
            else
            {
                json.WriteNull("sd");
            }

            WriteNullable(json, "min", item.Min);
            WriteNullable(json, "max", item.Max);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("total", result.Total);
        json.WriteBoolean("complete", result.Complete);
        if (result.Band is null)
        {
            json.WriteNull("band");
        }
        else
        {
            json.WriteString("band", result.Band);
        }

        json.WriteString("band_note", FidelityBands.OriginalScaleNote);
        json.WriteStartArray("flags");
        foreach (var flag in result.Flags)
        {
            json.WriteStringValue(flag);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
