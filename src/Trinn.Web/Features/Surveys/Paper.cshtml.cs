using System.Globalization;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Surveys;

/// <summary>
/// A job specialist enters a paper questionnaire on the candidate's behalf: the same pages as the candidate's link,
/// stored as paper with who entered it. Only waves of the user's own team's candidates, open today.
/// </summary>
[ReadsCandidateData]
public sealed class PaperModel(TrinnDbContext db, TimeProvider time, IStringLocalizer<SurveysResource> s, ILogger<PaperModel> logger) : QuestionnairePage(s)
{
    public string CandidateName { get; private set; } = "";

    public int CandidateId { get; private set; }

    public string StudyName { get; private set; } = "";

    public int WaveNumber { get; private set; }

    public string? Blocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int side = 1, bool lagret = false)
    {
        var wave = await LoadAsync(id, tracked: false);
        if (wave is null)
        {
            return NotFound();
        }

        if (Blocked is null)
        {
            Show(await DefinitionAsync(wave), wave.Draft(), side, wave.Version, lagret ? S["Paper_Saved"].Value : null);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? handling)
    {
        var wave = await LoadAsync(id, tracked: true);
        if (wave is null)
        {
            return NotFound();
        }

        if (Blocked is not null)
        {
            Refuse(Blocked);
            return Page();
        }

        var definition = await DefinitionAsync(wave);
        _ = long.TryParse(Request.Form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version);
        var submitting = handling == ActionSubmit;
        var post = ReadPage(definition, wave.Draft(), submitting);
        if (post.Tampered || version != wave.Version)
        {
            Refuse(post.Tampered ? "Error_HiddenItemAnswered" : "Error_StaleForm");
            Show(definition, wave.Draft(), post.Page, wave.Version, null);
            return Page();
        }

        if (post.Errors.Count > 0)
        {
            AddErrors(post.Errors);
            Show(definition, post.Typed, submitting ? PageOf(definition, post.Errors) : post.Page, wave.Version, null, post.Errors);
            return Page();
        }

        var today = NorwegianTime.Today(time);
        var outcome = await StoreAsync(db, wave, definition, post.Merged, submitting, paper: true, User.UserId(), today, time.GetUtcNow().UtcDateTime);
        if (outcome == SaveOutcome.Conflict)
        {
            await LoadAsync(id, tracked: false);
            Refuse(Blocked ?? "Error_StaleForm");
            return Page();
        }

        if (submitting)
        {
            return Redirect($"/Candidates/Details/{wave.CandidateId}#h-survey-scores");
        }

        var next = handling switch
        {
            ActionBack => Neighbour(definition, post.Merged, post.Page, forward: false),
            ActionNext => Neighbour(definition, post.Merged, post.Page, forward: true),
            _ => post.Page,
        };
        return Redirect($"/Surveys/Paper/{id}?side={next.ToString(CultureInfo.InvariantCulture)}{(handling is ActionBack or ActionNext ? "" : "&lagret=true")}");
    }

    private async Task<SurveyWave?> LoadAsync(int id, bool tracked)
    {
        var query = db.VisibleWaves(User).Where(w => w.Id == id);
        var wave = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync();
        var candidateId = await db.Set<SurveyWave>().Where(w => w.Id == id).Select(w => (int?)w.CandidateId).SingleOrDefaultAsync();
        if (wave is null)
        {
            if (candidateId is { } other)
            {
                await db.AuditDeniedAsync(other, User, logger);
            }

            return null;
        }

        await db.AuditReadAsync(AuditEntities.SurveyWavePaper, wave.CandidateId);
        CandidateId = wave.CandidateId;
        CandidateName = await db.Candidates.Where(c => c.Id == wave.CandidateId).Select(c => c.FirstName + " " + c.LastName).SingleAsync();
        StudyName = await db.Set<Study>().Where(x => x.Id == wave.StudyId).Select(x => x.Name).SingleAsync();
        WaveNumber = wave.Number;
        var today = NorwegianTime.Today(time);
        Blocked = wave.IsAnswered ? "Answer_AlreadySubmitted"
            : wave.Withdrawn ? "Answer_Withdrawn"
            : !wave.IsOpenOn(today) ? "Paper_NotOpen"
            : null;
        return wave;
    }

    private async Task<InstrumentDefinition> DefinitionAsync(SurveyWave wave) =>
        await InstrumentStore.FindAsync(db, wave.InstrumentKey, wave.InstrumentVersion)
        ?? throw new InvalidOperationException($"Instrument {wave.InstrumentKey} v{wave.InstrumentVersion} is not stored.");
}
