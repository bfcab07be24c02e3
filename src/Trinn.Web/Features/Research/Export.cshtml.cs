using Trinn.Core.Research;
using Trinn.Web.Features.Placements;
using Trinn.Web.Features.Studies;

namespace Trinn.Web.Features.Research;

/// <summary>
/// The forsker downloads a study's pseudonymous dataset: research IDs, coded teams, age bands, dates, stages, placements
/// and outcomes — never free text (that needs an admin's audited choice, /Studies/Export). Only studies an admin granted
/// the forsker (/Studies/Researchers); every download is audited, and so is a refused one.
/// Besides the tables and the workbook: wide and long CSV with a codebook, SPSS syntax and R scripts (format
/// <c>research</c>, <see cref="ResearchDatasetFiles"/>).
/// </summary>
public sealed class ExportModel(TrinnDbContext db, TimeProvider time, IStringLocalizer<ResearchResource> r, IStringLocalizer<SharedResource> shared, IStringLocalizer<PlacementsResource> placements, ILogger<ExportModel> logger) : PageModel
{
    public int StudyId { get; private set; }

    public string StudyName { get; private set; } = "";

    public IReadOnlyList<string> Files => StudyDataset.Files;

    public IReadOnlyList<string> ResearchFiles => ResearchDatasetFiles.Files();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var name = await db.GrantedStudyNameAsync(id, User, logger);
        if (name is null)
        {
            return NotFound();
        }

        (StudyId, StudyName) = (id, name);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, string? format, string? file, CancellationToken ct)
    {
        var name = await db.GrantedStudyNameAsync(id, User, logger, ct);
        if (name is null)
        {
            return NotFound();
        }

        var dataset = await StudyDataset.LoadAsync(db, id, includeFreeText: false, NorwegianTime.Today(time), ct);
        if (!ResearchExportFiles.IsValid(dataset, format, file))
        {
            return NotFound();
        }

        await ResearchExportFiles.AuditAsync(db, id, format!, file, dataset, reason: null, ct);
        var (content, type, fileName) = ResearchExportFiles.Build(dataset, id, format!, file, name, ResearchDatasetFiles.Labels(r, shared, placements));
        return File(content, type, fileName);
    }
}
