using System.Text;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.RedCap;
using Trinn.Web.Features.Surveys;

namespace Trinn.Web.Features.Instruments;

/// <summary>
/// Admin and forsker import a REDCap data dictionary (preview of the form, the notes on what could not be carried
/// over), publish it as a new instrument version, and download any stored version as a dictionary.
/// </summary>
public sealed class IndexModel(TrinnDbContext db, TimeProvider time, IStringLocalizer<SurveysResource> s) : PageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public IReadOnlyList<InstrumentRow> Instruments { get; private set; } = [];

    public RedCapImport? Preview { get; private set; }

    /// <summary>The previewed file, carried to the publish post (base64 of UTF-8).</summary>
    public string? Carried { get; private set; }

    public string? PublishedMessage { get; private set; }

    public async Task OnGetAsync(string? publisert)
    {
        PublishedMessage = publisert;
        await ListAsync();
    }

    public async Task<IActionResult> OnGetExportAsync(string key, int version)
    {
        var definition = await InstrumentStore.FindAsync(db, key ?? "", version);
        if (definition is null)
        {
            return NotFound();
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RedCapDataDictionaryCsv.Export(definition))).ToArray(),
            "text/csv; charset=utf-8", $"{definition.Key}-v{definition.Version}-datadictionary.csv");
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? dictionary)
    {
        await ListAsync();
        if (dictionary is null || dictionary.Length == 0)
        {
            ModelState.AddModelError("dictionary", s["Error_DictionaryMissing"]);
            return Page();
        }

        if (dictionary.Length > MaxBytes)
        {
            ModelState.AddModelError("dictionary", s["Error_DictionaryTooLarge"]);
            return Page();
        }

        using var reader = new StreamReader(dictionary.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync();
        if (Read(text, "dictionary") is { } preview)
        {
            Preview = preview;
            Carried = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string? carried)
    {
        await ListAsync();
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(carried ?? ""));
        }
        catch (FormatException)
        {
            ModelState.AddModelError("dictionary", s["Error_DictionaryMissing"]);
            return Page();
        }

        if (text.Length == 0 || text.Length > MaxBytes || Read(text, "dictionary") is not { } import)
        {
            ModelState.AddModelError("dictionary", s["Error_DictionaryMissing"]);
            return Page();
        }

        var stored = await InstrumentStore.PublishAsync(db, import.Definition, time.GetUtcNow().UtcDateTime);
        return RedirectToPage(new { publisert = s["Instruments_Published", stored.Key, stored.Version].Value });
    }

    private RedCapImport? Read(string text, string field)
    {
        try
        {
            var import = RedCapDataDictionaryCsv.ImportWithReport(text);
            var problems = DefinitionCheck.Problems(import.Definition);
            if (problems.Count > 0)
            {
                ModelState.AddModelError(field, s["Error_DefinitionInvalid", string.Join("; ", problems)]);
                return null;
            }

            return import;
        }
        catch (RedCapImportException ex)
        {
            ModelState.AddModelError(field, s["Error_DictionaryInvalid", ex.Message]);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or ArgumentException
            || ex.GetType().Namespace?.StartsWith("CsvHelper", StringComparison.Ordinal) == true)
        {
            ModelState.AddModelError(field, s["Error_DictionaryInvalid", "CSV"]);
            return null;
        }
    }

    private async Task ListAsync() =>
        Instruments = await db.Set<InstrumentVersion>().AsNoTracking().OrderBy(v => v.Key).ThenByDescending(v => v.Version).Take(200)
            .Select(v => new InstrumentRow(v.Key, v.Version, v.Title, v.PublishedAtUtc)).ToListAsync();
}

public sealed record InstrumentRow(string Key, int Version, string Title, DateTime PublishedAtUtc);
