using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Trinn.Core.Research;

namespace Trinn.Web.Features.Studies;

/// <summary>
/// An admin's research export. Pseudonymous by default; free text (reasons, notes, journal) only when the admin ticks
/// it for this one export and says why. Every download is audited, the free-text choice and reason with it.
/// </summary>
public sealed class ExportModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<StudiesResource> s, TimeProvider time,
    IStringLocalizer<Research.ResearchResource> research, IStringLocalizer<Placements.PlacementsResource> placements) : PageModel
{
    public const int ReasonMaxLength = 500;

    [BindProperty]
    public ResearchExportInput Input { get; set; } = new();

    public string StudyName { get; private set; } = "";

    public List<SelectListItem> Formats { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var name = await NameAsync(id);
        if (name is null)
        {
            return NotFound();
        }

        Show(name);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var name = await NameAsync(id);
        if (name is null)
        {
            return NotFound();
        }

        Show(name);
        var (format, file) = Split(Input.Format);
        if (Input.IncludeFreeText && string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", s["Error_FreeTextReason"]);
        }

        if (file == StudyDataset.Journal && !Input.IncludeFreeText)
        {
            ModelState.AddModelError("Input.Format", s["Error_JournalNeedsFreeText"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var dataset = await StudyDataset.LoadAsync(db, id, Input.IncludeFreeText, NorwegianTime.Today(time), ct);
        if (!ResearchExportFiles.IsValid(dataset, format, file))
        {
            ModelState.AddModelError("Input.Format", t["Error_Required", t["Field_ExportFormat"]]);
            return Page();
        }

        await ResearchExportFiles.AuditAsync(db, id, format!, file, dataset, Input.IncludeFreeText ? Input.Reason!.Trim() : null, ct);
        var (content, type, fileName) = ResearchExportFiles.Build(dataset, id, format!, file, name, ResearchDatasetFiles.Labels(research, t, placements));
        return File(content, type, fileName);
    }

    /// <summary>"xlsx", "csv:participants" or "research:wide.sps" into format and file.</summary>
    public static (string? Format, string? File) Split(string? value) => value switch
    {
        ResearchExportFiles.Xlsx => (ResearchExportFiles.Xlsx, null),
        ['c', 's', 'v', ':', .. var file] => (ResearchExportFiles.Csv, file),
        _ when value?.StartsWith(ResearchDatasetFiles.Format + ":", StringComparison.Ordinal) == true => (ResearchDatasetFiles.Format, value[(ResearchDatasetFiles.Format.Length + 1)..]),
        _ => (null, null),
    };

    private async Task<string?> NameAsync(int id) =>
        await db.Set<Study>().AsNoTracking().Where(x => x.Id == id).Select(x => x.Name).SingleOrDefaultAsync();

    private void Show(string name)
    {
        StudyName = name;
        Formats = new[] { ResearchExportFiles.Xlsx }
            .Concat(StudyDataset.Files.Append(StudyDataset.Journal).Select(f => "csv:" + f))
            .Concat(ResearchDatasetFiles.Files().Select(f => ResearchDatasetFiles.Format + ":" + f))
            .Select(v => new SelectListItem(s["Format_" + v.Replace(':', '_')], v))
            .ToList();
    }
}

public sealed class ResearchExportInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_ExportFormat")]
    public string? Format { get; set; } = ResearchExportFiles.Xlsx;

    [Display(Name = "Field_IncludeFreeText")]
    public bool IncludeFreeText { get; set; }

    [StringLength(ExportModel.ReasonMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_ExportReason")]
    public string? Reason { get; set; }
}
