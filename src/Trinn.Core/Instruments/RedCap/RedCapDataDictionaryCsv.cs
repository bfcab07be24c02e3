using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Trinn.Core.Instruments.Definitions;

namespace Trinn.Core.Instruments.RedCap;

/// <summary>A REDCap data dictionary that Trinn cannot import; <see cref="Row"/> counts the header as row 1.</summary>
public sealed class RedCapImportException(int row, string message) : Exception($"Rad {row}: {message}")
{
    public int Row { get; } = row;
}

/// <summary>
/// Import and export of instruments as a REDCap data dictionary (the standard 18 columns, one form).
/// <para>Mapping: single choice → radio, multiple choice → checkbox (exclusive options as <c>@NONEOFTHEABOVE</c>),
/// number → text with validation integer/number and min/max, date → text with date_dmy, free text → notes
/// (max length as <c>@CHARLIMIT</c>), scale → slider (min/max in the validation columns, end labels as slider labels),
/// descriptive → descriptive. Branching logic is written and read in REDCap syntax (the subset of
/// <see cref="BranchingExpression"/>). The question number goes to "Question Number (surveys only)".</para>
/// <para>What REDCap cannot express travels in "Field Annotation" as one tag per line, each a single-line JSON value:
/// <c>@TRINN-INSTRUMENT</c> (key, version, title, published, note) and <c>@TRINN-SCORE</c> (the scoring rules) on the
/// first field, and <c>@TRINN-ITEM</c> (forced choice, unit, editorial notes) on the fields that need it. Other
/// annotations and action tags are ignored on import. Importing without the Trinn tags gives version 1, unpublished,
/// keyed and titled by the form name. Also read on import: dropdown (as radio), yesno, truefalse and text validations
/// other than numbers and dates (as free text). calc, file, sql and other field types are rejected.</para>
/// </summary>
/// <summary>An imported dictionary and the Norwegian notes on what could not be carried over as it was.</summary>
public sealed record RedCapImport(InstrumentDefinition Definition, IReadOnlyList<string> Notes);

public static class RedCapDataDictionaryCsv
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
        "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
        "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
        "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?",
        "Field Annotation",
    ];

    private const string InstrumentTag = "@TRINN-INSTRUMENT=";
    private const string ScoreTag = "@TRINN-SCORE=";
    private const string ItemTag = "@TRINN-ITEM=";

    private static readonly JsonSerializerOptions CompactJson = new(InstrumentJson.Options) { WriteIndented = false };

    public static string Export(InstrumentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Separator = ',' }, leaveOpen: true))
        {
            csv.WriteHeader(Columns.ToArray());
            var first = true;
            foreach (var item in definition.Items)
            {
                csv.WriteRecord(Row(definition, item, first));
                first = false;
            }
        }

        return text.ToString();
    }

    public static InstrumentDefinition Import(string csvText) => Read(csvText, null);

    /// <summary>
    /// Imports a dictionary as REDCap exports it, for people: blank rows are skipped, HTML in texts becomes plain text,
    /// and fields Trinn cannot show (calc, file, sql, signature …) are left out instead of refusing the file. Every such
    /// change is listed in <see cref="RedCapImport.Notes"/> (Norwegian, with the row) so the user sees what did not carry over.
    /// </summary>
    public static RedCapImport ImportWithReport(string csvText)
    {
        var notes = new List<string>();
        var definition = Read(csvText, notes);
        return new RedCapImport(definition, notes);
    }

    private static InstrumentDefinition Read(string csvText, List<string>? notes)
    {
        ArgumentNullException.ThrowIfNull(csvText);
        using var reader = new StringReader(csvText);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
        csv.ReadHeader();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.Headers.Count; i++)
        {
            index.TryAdd(csv.Headers[i].Trim(), i);
        }

        var missing = Columns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new RedCapImportException(1, "kolonner mangler: " + string.Join(", ", missing.Select(m => $"«{m}»")));
        }

        string? form = null;
        InstrumentHeader? header = null;
        IReadOnlyList<ScoreRule> scores = [];
        var items = new List<ItemDefinition>();
        while (csv.Read())
        {
            var row = (int)csv.LineNumber;
            string Raw(string column) => index[column] < csv.FieldCount ? csv.GetString(index[column]).Trim() : string.Empty;
            if (Columns.All(c => Raw(c).Length == 0))
            {
                // REDCap and spreadsheet programs leave blank rows at the end of the file.
                continue;
            }

            string Cell(string column) => notes is null || column is "Field Annotation" or "Branching Logic (Show field only if...)" or "Variable / Field Name"
                ? Raw(column)
                : PlainText(Raw(column), row, notes);
            var formName = Cell("Form Name");
            form ??= formName;
            if (!string.Equals(form, formName, StringComparison.Ordinal))
            {
                throw new RedCapImportException(row, $"bare ett skjema kan importeres om gangen (fant «{form}» og «{formName}»).");
            }

            var tags = Tags(Cell("Field Annotation"), row);
            if (tags.TryGetValue(InstrumentTag, out var instrumentJson))
            {
                header = Deserialize<InstrumentHeader>(instrumentJson, row);
            }

            if (tags.TryGetValue(ScoreTag, out var scoreJson))
            {
                scores = Deserialize<List<ScoreRule>>(scoreJson, row);
            }

            if (notes is not null)
            {
                var type = Cell("Field Type").ToLowerInvariant();
                if (type is "calc" or "file" or "sql" or "signature")
                {
                    notes.Add($"Rad {row}: feltet «{Cell("Variable / Field Name")}» ({type}) er utelatt – Trinn viser ikke denne felttypen.");
                    continue;
                }

                var validation = Cell("Text Validation Type OR Show Slider Number").ToLowerInvariant();
                if (validation == "autocomplete")
                {
                    notes.Add($"Rad {row}: «{Cell("Variable / Field Name")}» har autoutfylling i REDCap; Trinn viser valgene som vanlige svaralternativer.");
                }
                else if (type == "text" && validation.Length > 0 && !KnownValidations.Contains(validation))
                {
                    notes.Add($"Rad {row}: valideringen «{validation}» på «{Cell("Variable / Field Name")}» finnes ikke i Trinn; feltet blir fritekst.");
                }

                var ignored = Cell("Field Annotation").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Where(word => word.StartsWith('@') && !word.StartsWith("@TRINN-", StringComparison.Ordinal) && !word.StartsWith("@CHARLIMIT", StringComparison.Ordinal) && !word.StartsWith("@NONEOFTHEABOVE", StringComparison.Ordinal))
                    .Select(word => word.Split('=')[0])
                    .Distinct(StringComparer.Ordinal).ToList();
                if (ignored.Count > 0)
                {
                    notes.Add($"Rad {row}: handlingskodene {string.Join(", ", ignored)} på «{Cell("Variable / Field Name")}» brukes ikke i Trinn.");
                }
            }

            items.Add(ReadItem(Cell, tags, row));
        }

        if (form is null)
        {
            throw new RedCapImportException(2, "ordboken har ingen felt.");
        }

        return new InstrumentDefinition
        {
            Key = header?.Key ?? form,
            Version = header?.Version ?? 1,
            Title = header?.Title ?? form,
            Published = header?.Published ?? false,
            Note = header?.Note,
            Items = items,
            Scores = scores,
        };
    }

    private static readonly HashSet<string> KnownValidations = new(StringComparer.Ordinal)
    {
        "integer", "number", "number_1dp", "number_2dp", "number_3dp", "number_4dp", "float", "date_dmy", "date_mdy", "date_ymd", "date",
        "autocomplete", "email", "phone", "alpha_only",
    };

    /// <summary>Labels with HTML (REDCap allows it) become plain text; the first change per row is noted.</summary>
    private static string PlainText(string text, int row, List<string> notes)
    {
        if (text.IndexOf('<', StringComparison.Ordinal) < 0 && text.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var plain = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(text, "<br\\s*/?>|</p>|</div>", " ", System.Text.RegularExpressions.RegexOptions.IgnoreCase),
            "<[^>]*>", string.Empty));
        plain = System.Text.RegularExpressions.Regex.Replace(plain, "\\s+", " ").Trim();
        var note = $"Rad {row}: HTML-formatering er fjernet fra teksten.";
        if (plain != text && !notes.Contains(note))
        {
            notes.Add(note);
        }

        return plain;
    }

    private sealed record InstrumentHeader(string Key, int Version, string Title, bool Published, string? Note);

    private sealed record ItemExtras
    {
        public ItemType? Type { get; init; }

        public string? Unit { get; init; }

        public string? Note { get; init; }

        public Dictionary<string, string>? OptionNotes { get; init; }
    }

    private static string[] Row(InstrumentDefinition definition, ItemDefinition item, bool first)
    {
        var (fieldType, validation, choices) = item.Type switch
        {
            ItemType.Descriptive => ("descriptive", string.Empty, string.Empty),
            ItemType.SingleChoice or ItemType.ForcedChoice => ("radio", string.Empty, Choices(item)),
            ItemType.MultipleChoice => ("checkbox", string.Empty, Choices(item)),
            ItemType.Number => ("text", item.WholeNumbers ? "integer" : "number", string.Empty),
            ItemType.Date => ("text", "date_dmy", string.Empty),
            ItemType.Text => ("notes", string.Empty, string.Empty),
            ItemType.Scale => ("slider", "number", $"{item.MinLabel} | | {item.MaxLabel}"),
            _ => throw new InvalidOperationException(item.Type.ToString()),
        };

        var annotation = new List<string>();
        if (first)
        {
            var header = new InstrumentHeader(definition.Key, definition.Version, definition.Title, definition.Published, definition.Note);
            annotation.Add(InstrumentTag + JsonSerializer.Serialize(header, CompactJson));
            if (definition.Scores.Count > 0)
            {
                annotation.Add(ScoreTag + JsonSerializer.Serialize(definition.Scores, CompactJson));
            }
        }

        var exclusive = item.Options.Where(o => o.Exclusive).Select(o => o.Code).ToList();
        if (exclusive.Count > 0)
        {
            annotation.Add($"@NONEOFTHEABOVE='{string.Join(',', exclusive)}'");
        }

        if (item.MaxLength is { } max)
        {
            annotation.Add("@CHARLIMIT=" + max.ToString(CultureInfo.InvariantCulture));
        }

        var optionNotes = item.Options.Where(o => o.Note is not null).ToDictionary(o => o.Code, o => o.Note!);
        var extras = new ItemExtras
        {
            Type = item.Type == ItemType.ForcedChoice ? ItemType.ForcedChoice : null,
            Unit = item.Unit,
            Note = item.Note,
            OptionNotes = optionNotes.Count > 0 ? optionNotes : null,
        };
        if (extras != new ItemExtras())
        {
            annotation.Add(ItemTag + JsonSerializer.Serialize(extras, CompactJson));
        }

        return
        [
            item.Id, definition.Key, item.Section ?? string.Empty, fieldType, item.Label, choices, item.Instruction ?? string.Empty,
            validation, Number(item.Min), Number(item.Max), string.Empty, item.ShowIf ?? string.Empty, item.Required ? "y" : string.Empty,
            string.Empty, item.Number ?? string.Empty, string.Empty, string.Empty, string.Join('\n', annotation),
        ];
    }

    private static string Choices(ItemDefinition item) => string.Join(" | ", item.Options.Select(o => $"{o.Code}, {o.Label}"));

    private static string Number(decimal? value) => value?.ToString("G29", CultureInfo.InvariantCulture) ?? string.Empty;

    private static ItemDefinition ReadItem(Func<string, string> cell, Dictionary<string, string> tags, int row)
    {
        var id = cell("Variable / Field Name");
        if (!ItemIds.IsValid(id))
        {
            throw new RedCapImportException(row, $"«{id}» er ikke et gyldig variabelnavn (små bokstaver, tall og _, første tegn en bokstav).");
        }

        var extras = tags.TryGetValue(ItemTag, out var extrasJson) ? Deserialize<ItemExtras>(extrasJson, row) : new ItemExtras();
        var fieldType = cell("Field Type").ToLowerInvariant();
        var validation = cell("Text Validation Type OR Show Slider Number").ToLowerInvariant();
        var choices = cell("Choices, Calculations, OR Slider Labels");
        var showIf = NullIfEmpty(cell("Branching Logic (Show field only if...)"));
        if (showIf is not null && !BranchingExpression.TryParse(showIf, out _, out var error))
        {
            throw new RedCapImportException(row, $"forgreiningen støttes ikke: {error}");
        }

        var item = new ItemDefinition
        {
            Id = id,
            Type = ItemType.Text,
            Label = cell("Field Label"),
            Number = NullIfEmpty(cell("Question Number (surveys only)")),
            Section = NullIfEmpty(cell("Section Header")),
            Instruction = NullIfEmpty(cell("Field Note")),
            Required = cell("Required Field?").Equals("y", StringComparison.OrdinalIgnoreCase),
            ShowIf = showIf,
            Unit = extras.Unit,
            Note = extras.Note,
        };

        item = fieldType switch
        {
            "descriptive" => item with { Type = ItemType.Descriptive },
            "radio" or "dropdown" => item with { Type = extras.Type == ItemType.ForcedChoice ? ItemType.ForcedChoice : ItemType.SingleChoice, Options = ParseChoices(choices, row) },
            "checkbox" => item with { Type = ItemType.MultipleChoice, Options = ParseChoices(choices, row) },
            "yesno" => item with { Type = ItemType.SingleChoice, Options = [new() { Code = "1", Label = "Ja" }, new() { Code = "0", Label = "Nei" }] },
            "truefalse" => item with { Type = ItemType.SingleChoice, Options = [new() { Code = "1", Label = "Sant" }, new() { Code = "0", Label = "Usant" }] },
            "notes" => item,
            "text" => TextItem(item, validation, cell, row),
            "slider" => SliderItem(item, choices, cell, row),
            _ => throw new RedCapImportException(row, $"felttypen «{fieldType}» støttes ikke."),
        };

        if (tags.TryGetValue("@CHARLIMIT=", out var limit))
        {
            item = item with { MaxLength = int.Parse(limit, NumberStyles.None, CultureInfo.InvariantCulture) };
        }

        if (tags.TryGetValue("@NONEOFTHEABOVE=", out var none))
        {
            var codes = none.Trim('\'', '"').Split(',', StringSplitOptions.TrimEntries);
            item = item with { Options = item.Options.Select(o => codes.Contains(o.Code) ? o with { Exclusive = true } : o).ToList() };
        }

        if (extras.OptionNotes is { } notes)
        {
            item = item with { Options = item.Options.Select(o => notes.TryGetValue(o.Code, out var n) ? o with { Note = n } : o).ToList() };
        }

        return item;
    }

    private static ItemDefinition TextItem(ItemDefinition item, string validation, Func<string, string> cell, int row) => validation switch
    {
        "integer" => item with { Type = ItemType.Number, WholeNumbers = true, Min = Decimal(cell("Text Validation Min"), row), Max = Decimal(cell("Text Validation Max"), row) },
        "number" or "number_1dp" or "number_2dp" or "number_3dp" or "number_4dp" or "float" =>
            item with { Type = ItemType.Number, Min = Decimal(cell("Text Validation Min"), row), Max = Decimal(cell("Text Validation Max"), row) },
        "date_dmy" or "date_mdy" or "date_ymd" or "date" => item with { Type = ItemType.Date },
        _ => item,
    };

    private static ItemDefinition SliderItem(ItemDefinition item, string choices, Func<string, string> cell, int row)
    {
        var labels = choices.Split('|', StringSplitOptions.TrimEntries);
        return item with
        {
            Type = ItemType.Scale,
            Min = Decimal(cell("Text Validation Min"), row) ?? 0,
            Max = Decimal(cell("Text Validation Max"), row) ?? 100,
            MinLabel = NullIfEmpty(labels.FirstOrDefault() ?? string.Empty),
            MaxLabel = labels.Length > 1 ? NullIfEmpty(labels[^1]) : null,
        };
    }

    private static List<OptionDefinition> ParseChoices(string choices, int row)
    {
        var options = new List<OptionDefinition>();
        foreach (var choice in choices.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = choice.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0)
            {
                throw new RedCapImportException(row, $"valget «{choice}» må ha formen «kode, tekst».");
            }

            options.Add(new OptionDefinition { Code = choice[..comma].Trim(), Label = choice[(comma + 1)..].Trim() });
        }

        return options;
    }

    /// <summary>Action tags of the form <c>@NAME=value</c>, one per line; other text is ignored.</summary>
    private static Dictionary<string, string> Tags(string annotation, int row)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in annotation.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var tag in (string[])[InstrumentTag, ScoreTag, ItemTag, "@CHARLIMIT=", "@NONEOFTHEABOVE="])
            {
                if (line.StartsWith(tag, StringComparison.Ordinal) && !tags.TryAdd(tag, line[tag.Length..].Trim()))
                {
                    throw new RedCapImportException(row, $"{tag.TrimEnd('=')} står mer enn én gang.");
                }
            }
        }

        return tags;
    }

    private static T Deserialize<T>(string json, int row)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, InstrumentJson.Options) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new RedCapImportException(row, $"ugyldig Trinn-JSON i «Field Annotation»: {ex.Message}");
        }
    }

    private static decimal? Decimal(string text, int row)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RedCapImportException(row, $"«{text}» er ikke et tall.");
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
