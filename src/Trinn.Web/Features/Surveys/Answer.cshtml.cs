using System.Globalization;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Research;
using Trinn.Core.Surveys;

namespace Trinn.Web.Features.Surveys;

/// <summary>
/// The candidate's personal answer page, reached by the link in the e-mail (<c>/svar/{token}</c>). Anonymous by
/// design: the token is the credential. Only the token's hash is looked up; a malformed, unknown, expired or used
/// link gets a plain Norwegian message and stores nothing. Rate-limited with the other secret links.
/// </summary>
public sealed class SurveyAnswerModel(TrinnDbContext db, TimeProvider time, IStringLocalizer<SurveysResource> s) : QuestionnairePage(s)
{
    public const string PathPrefix = "/svar/";

    /// <summary>Why the questionnaire is not shown (a resource key), or null when it is.</summary>
    public string? Blocked { get; private set; }

    public string StudyName { get; private set; } = "";

    public int WaveNumber { get; private set; }

    public int WaveCount { get; private set; }

    public DateOnly ClosesOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, int side = 1, bool lagret = false)
    {
        var wave = await LoadAsync(token, tracked: false);
        if (wave is null)
        {
            return Page();
        }

        var definition = await DefinitionAsync(wave);
        Show(definition, wave.Draft(), side, wave.Version, lagret ? S["Answer_Saved", NorwegianTime.Format(ClosesOn)].Value : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, string? handling)
    {
        var wave = await LoadAsync(token, tracked: true);
        if (wave is null)
        {
            return Page();
        }

        var definition = await DefinitionAsync(wave);
        _ = long.TryParse(Request.Form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version);
        var submitting = handling == ActionSubmit;
        var post = ReadPage(definition, wave.Draft(), submitting);
        if (post.Tampered)
        {
            Refuse("Error_HiddenItemAnswered");
            Show(definition, wave.Draft(), post.Page, wave.Version, null);
            return Page();
        }

        if (post.Errors.Count > 0)
        {
            AddErrors(post.Errors);
            Show(definition, post.Typed, submitting ? PageOf(definition, post.Errors) : post.Page, wave.Version, null, post.Errors);
            return Page();
        }

        if (version != wave.Version)
        {
            // Another tab saved or submitted meanwhile: nothing from this form is stored.
            Refuse("Error_StaleForm");
            Show(definition, wave.Draft(), post.Page, wave.Version, null);
            return Page();
        }

        var today = NorwegianTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var outcome = await StoreAsync(db, wave, definition, post.Merged, submitting, paper: false, enteredById: null, today, now);
        if (outcome == SaveOutcome.Conflict)
        {
            // Two tabs submitting at the same moment: the second finds the wave changed and stores nothing.
            return RedirectToSelf(token, post.Page, saved: false);
        }

        if (submitting)
        {
            return Redirect(PathPrefix + token);
        }

        return handling switch
        {
            ActionBack => RedirectToSelf(token, Neighbour(definition, post.Merged, post.Page, forward: false), saved: false),
            ActionNext => RedirectToSelf(token, Neighbour(definition, post.Merged, post.Page, forward: true), saved: false),
            _ => RedirectToSelf(token, post.Page, saved: true),
        };
    }

    private RedirectResult RedirectToSelf(string? token, int page, bool saved) =>
        Redirect(PathPrefix + token + "?side=" + page.ToString(CultureInfo.InvariantCulture) + (saved ? "&lagret=true" : ""));

    private async Task<SurveyWave?> LoadAsync(string? token, bool tracked)
    {
        if (!SurveyTokens.IsWellFormed(token))
        {
            Blocked = "Answer_LinkInvalid";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        var hash = SurveyTokens.Hash(token!);
        var waves = db.Set<SurveyWave>().Where(w => db.Set<SurveyLinkToken>().Any(t => t.TokenHash == hash && t.WaveId == w.Id));
        var wave = await (tracked ? waves : waves.AsNoTracking()).SingleOrDefaultAsync();
        if (wave is null)
        {
            Blocked = "Answer_LinkInvalid";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        StudyName = await db.Set<Study>().Where(x => x.Id == wave.StudyId).Select(x => x.Name).SingleAsync();
        WaveNumber = wave.Number;
        WaveCount = await db.Set<SurveyWave>().CountAsync(w => w.ParticipantId == wave.ParticipantId);
        ClosesOn = wave.ClosesOn;
        var today = NorwegianTime.Today(time);
        Blocked = wave.IsAnswered ? "Answer_AlreadySubmitted"
            : wave.Withdrawn ? "Answer_Withdrawn"
            : today < wave.OpensOn ? "Answer_NotOpenYet"
            : today > wave.ClosesOn ? "Answer_Expired"
            : null;
        if (Blocked is not null && HttpMethods.IsPost(Request.Method))
        {
            ModelState.AddModelError(string.Empty, S[Blocked]);
        }

        return Blocked is null ? wave : null;
    }

    private async Task<InstrumentDefinition> DefinitionAsync(SurveyWave wave) =>
        await InstrumentStore.FindAsync(db, wave.InstrumentKey, wave.InstrumentVersion)
        ?? throw new InvalidOperationException($"Instrument {wave.InstrumentKey} v{wave.InstrumentVersion} is not stored.");
}
