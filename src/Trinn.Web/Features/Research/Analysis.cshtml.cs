using System.Globalization;
using System.Text.Json;
using Trinn.Core.Research;

namespace Trinn.Web.Features.Research;

/// <summary>
/// The forsker analyses a study's own questionnaire data, without exporting and uploading it: Table 2 (background by
/// group at a wave, with t tests between the two groups), Table 3 (change over the chosen waves, RM-ANOVA with Wilks'
/// Λ), and for one construct the RM-ANOVA (listwise) beside the linear mixed model (all available waves). Only
/// studies the forsker may analyse (<see cref="ResearchAccess.GrantedTo"/>); pseudonymous aggregates with small cells
/// suppressed; every view that reads answers is audited (<c>ResearchAnalysis</c>, the study and what was shown).
/// </summary>
public sealed class AnalysisModel(TrinnDbContext db, TimeProvider time, IStringLocalizer<StudyAnalysisResource> t, IStringLocalizer<ResearchResource> r) : PageModel
{
    public const string Team = "team";
    private const int MaxStudies = 500;

    [BindProperty(SupportsGet = true)]
    public StudyAnalysisInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Studies { get; private set; } = [];

    public int? StudyId { get; private set; }

    public string StudyName { get; private set; } = "";

    public SurveyShape Shape { get; private set; } = SurveyShape.None;

    public IReadOnlyList<int> Offsets { get; private set; } = [];

    public int Participants { get; private set; }

    public StudyTable2? Table2 { get; private set; }

    public StudyTable3? Table3 { get; private set; }

    public ChangeComparison? Change { get; private set; }

    public IReadOnlyList<string> Table2Sentences { get; private set; } = [];

    public IReadOnlyList<string> Table3Sentences { get; private set; } = [];

    public (string? Anova, string? Mixed) ChangeSentences { get; private set; }

    /// <summary>The chosen (or default) settings, to carry into the other sections' forms.</summary>
    public int Wave { get; private set; }

    public string Group { get; private set; } = Team;

    public IReadOnlyList<int> Waves { get; private set; } = [];

    public IReadOnlyList<int> CompareWaves { get; private set; } = [];

    public string WaveName(int offset) => offset == 0 ? r["Code_Inclusion"] : t.Count("Wave_Months", offset, offset);

    /// <summary>The wave's name inside a sentence ("ved inklusjon").</summary>
    public string WaveNameInText(int offset) => offset == 0 ? r["Code_Inclusion"].Value.ToLower(CultureInfo.GetCultureInfo("nb-NO")) : WaveName(offset);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var studies = await db.Set<Study>().AsNoTracking().GrantedTo(db, User).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).Take(MaxStudies).ToListAsync(ct);
        Studies = [.. studies.Select(s => (s.Id, s.Name))];
        if (id is null)
        {
            return Page();
        }

        // The same query decides: a study the forsker may not analyse is not found.
        var study = await db.Set<Study>().AsNoTracking().GrantedTo(db, User).Where(s => s.Id == id).Select(s => new { s.Id, s.Name }).SingleOrDefaultAsync(ct);
        if (study is null)
        {
            return NotFound();
        }

        (StudyId, StudyName) = (study.Id, study.Name);
        var survey = await StudySurvey.LoadAsync(db, study.Id, NorwegianTime.Today(time), ct);
        (Shape, Offsets, Participants) = (survey.Shape, survey.Offsets, survey.ParticipantCount);
        if (Shape.Constructs.Count == 0 || Offsets.Count == 0)
        {
            return Page();
        }

        Bind();
        if (!HasError("Input.Wave") && !HasError("Input.Group"))
        {
            Table2 = StudyAnalyses.Table2(survey, Wave, Group == Team ? null : Group);
            Table2Sentences = StudyAnalysisText.Table2(Table2, t, r);
        }

        if (!HasError("Input.Waves") && Waves.Count >= 2)
        {
            Table3 = StudyAnalyses.Table3(survey, Waves);
            Table3Sentences = [.. Table3.Rows.Select(row => StudyAnalysisText.Anova(row, r)).OfType<string>()];
        }

        var construct = Shape.Constructs.FirstOrDefault(c => c.Key == Input.Construct);
        if (construct is not null && !HasError("Input.CompareWaves"))
        {
            Change = StudyAnalyses.Compare(survey, construct, CompareWaves);
            ChangeSentences = (StudyAnalysisText.Anova(Change.Anova, r), StudyAnalysisText.Mixed(Change, t));
        }

        await AuditAsync(survey, construct, ct);
        return Page();
    }

    /// <summary>Reads the settings (defaults where none is given), with a Norwegian message at the field for a value not offered.</summary>
    private void Bind()
    {
        Wave = Offsets[0];
        if (Input.Wave is { Length: > 0 } wave)
        {
            if (Offset(wave) is { } w)
            {
                Wave = w;
            }
            else
            {
                ModelState.AddModelError("Input.Wave", t["Error_Wave"]);
            }
        }

        Group = Shape.DefaultGroupItem?.Id ?? Team;
        if (Input.Group is { Length: > 0 } group)
        {
            if (group == Team || Shape.Items.Any(i => i.Id == group && i.Type == Core.Instruments.Definitions.ItemType.SingleChoice))
            {
                Group = group;
            }
            else
            {
                ModelState.AddModelError("Input.Group", t["Error_Group"]);
            }
        }

        if (!HasError("Input.Wave") && !HasError("Input.Group"))
        {
            (Input.Wave, Input.Group) = (Wave.ToString(CultureInfo.InvariantCulture), Group);
        }

        Waves = ParseWaves(Input.Waves, "Input.Waves", Offsets.Take(2).ToList());
        CompareWaves = ParseWaves(Input.CompareWaves, "Input.CompareWaves", Offsets);
        if (Input.Construct is { Length: > 0 } construct && Shape.Constructs.All(c => c.Key != construct))
        {
            ModelState.AddModelError("Input.Construct", t["Error_Construct"]);
        }
    }

    private List<int> ParseWaves(List<string> given, string field, IReadOnlyList<int> defaults)
    {
        if (given.Count == 0)
        {
            return [.. defaults];
        }

        var parsed = given.Select(Offset).ToList();
        if (parsed.Any(p => p is null))
        {
            ModelState.AddModelError(field, t["Error_Waves"]);
            return [];
        }

        var waves = parsed.Select(p => p!.Value).Distinct().Order().ToList();
        if (waves.Count < 2)
        {
            ModelState.AddModelError(field, t["Error_TwoWaves"]);
        }

        return waves;
    }

    private bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    private int? Offset(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var o) && Offsets.Contains(o) ? o : null;

    private Task AuditAsync(StudySurvey survey, SurveyConstruct? construct, CancellationToken ct)
    {
        var shown = new Dictionary<string, object?[]>(StringComparer.Ordinal)
        {
            ["Table2"] = [null, Table2 is null ? null : $"wave={Wave}; group={Group}"],
            ["Table3"] = [null, Table3 is null ? null : "waves=" + string.Join(',', Waves)],
            ["Change"] = [null, Change is null ? null : $"{construct!.Key}; waves={string.Join(',', CompareWaves)}"],
            ["Participants"] = [null, survey.ParticipantCount],
        };
        return db.AuditAsync([new AuditEvent(AuditAction.Read, AuditEntities.ResearchAnalysis, StudyId!.Value.ToString(CultureInfo.InvariantCulture), null, JsonSerializer.Serialize(shown))], ct);
    }
}

/// <summary>The settings of the three sections, all sent with GET so a result can be reloaded and linked.</summary>
public sealed class StudyAnalysisInput
{
    /// <summary>Table 2: the wave (offset in months).</summary>
    public string? Wave { get; set; }

    /// <summary>Table 2: a single-choice background item's id, or <see cref="AnalysisModel.Team"/>.</summary>
    public string? Group { get; set; }

    /// <summary>Table 3: the waves (offsets in months), at least two.</summary>
    public List<string> Waves { get; set; } = [];

    /// <summary>The construct whose change is analysed both ways.</summary>
    public string? Construct { get; set; }

    /// <summary>The waves of that comparison, at least two (default: every wave of the study).</summary>
    public List<string> CompareWaves { get; set; } = [];
}

/// <summary>A fieldset of wave checkboxes (<c>Input.{Field}</c>), labelled by the waves' names.</summary>
public sealed record WaveChecks(string Field, string Legend, string? Description, IReadOnlyList<(int Offset, string Name)> Waves, IReadOnlyList<int> Selected);
