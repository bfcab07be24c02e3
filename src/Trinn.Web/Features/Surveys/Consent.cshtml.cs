using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using Trinn.Core.Common;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Surveys;

/// <summary>
/// A candidate's study consents: register informed written consent (to one version of a study's information letter),
/// which enrols the candidate and schedules the waves; withdraw it; see the waves and enter paper forms.
/// </summary>
[ReadsCandidateData]
public sealed class ConsentModel(
    TrinnDbContext db, TimeProvider time, IOptions<SurveyOptions> options, IStringLocalizer<SurveysResource> s, IStringLocalizer<SharedResource> t,
    ILogger<ConsentModel> logger) : PageModel
{
    [BindProperty]
    public RegisterConsentInput Input { get; set; } = new();

    [BindProperty]
    public WithdrawConsentInput Withdraw { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public List<SelectListItem> Letters { get; private set; } = [];

    public IReadOnlyList<ConsentRow> Consents { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>An answer link just made to hand over, shown once (only its hash is stored).</summary>
    public HandedOverLink? Link { get; private set; }

    /// <summary>Why no link could be made (the wave closed or the consent was withdrawn meanwhile).</summary>
    public string? LinkError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await ShowAsync(id))
        {
            return NotFound();
        }

        Input = new RegisterConsentInput { ConsentedOn = Today };
        Withdraw = new WithdrawConsentInput { WithdrawnOn = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        ModelState.KeepErrorsOf("Input.");
        var candidate = await db.FindForEditAsync(id, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        Today = NorwegianTime.Today(time);
        if (ModelState.IsValid)
        {
            var (studyId, letter) = ParseLetter(Input.Letter);
            var study = await db.StudiesOfTeam(candidate.TeamId).Include(x => x.Teams).Where(x => x.Id == studyId).SingleOrDefaultAsync();
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, async () =>
            {
                if (study is null)
                {
                    throw new DomainException("Letter", "Error_UnknownLetter");
                }

                var protocol = await ProtocolAsync(db, study.Id);
                await StudyConsent.RegisterAsync(db, study, protocol, id, Input.ConsentedOn, Input.InclusionDate, letter, User.UserId(), Today, time.GetUtcNow().UtcDateTime);
            }, ModelState, t, ex => Message(ex.MessageKey), field: f => f is "LetterNumber" or "CandidateId" ? "Letter" : f,
                // Two registrations at once: the unique index lets one through.
                taken: UniqueRefusal.Field("Input.Letter", s["Error_ConsentExists"]));
            if (outcome == SaveOutcome.Saved)
            {
                return Redirect($"/Surveys/Consent/{id}?registrert=true");
            }
        }

        await ShowAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id)
    {
        ModelState.KeepErrorsOf("Withdraw.");
        var visible = db.Candidates.VisibleTo(User);
        var consent = await db.Set<StudyConsent>().Where(c => c.Id == Withdraw.ConsentId && c.CandidateId == id && visible.Any(v => v.Id == c.CandidateId)).SingleOrDefaultAsync();
        if (consent is null)
        {
            await db.AuditDeniedAsync(id, User, logger);
            return NotFound();
        }

        Today = NorwegianTime.Today(time);
        if (ModelState.IsValid)
        {
            var policy = await db.Set<StudyProtocol>().Where(p => p.StudyId == consent.StudyId).Select(p => (WithdrawalPolicy?)p.OnWithdrawal).SingleOrDefaultAsync() ?? WithdrawalPolicy.Keep;
            var outcome = await ConcurrencyGuard.TrySaveAsync(db, async () =>
            {
                ConcurrencyGuard.Expect(db, consent, Withdraw.Version);
                await consent.WithdrawAsync(db, policy, Withdraw.WithdrawnOn, User.UserId(), Today);
            }, ModelState, t, ex => Message(ex.MessageKey), prefix: "Withdraw.");
            if (outcome == SaveOutcome.Saved)
            {
                return Redirect($"/Surveys/Consent/{id}?trukket=true");
            }
        }

        await ShowAsync(id);
        return Page();
    }

    /// <summary>Makes an answer link for an open wave, to give the candidate in person; it is shown on the page once.</summary>
    public async Task<IActionResult> OnPostLinkAsync(int id, int waveId)
    {
        ModelState.KeepErrorsOf("Link.");
        var visible = db.Candidates.VisibleTo(User);
        var wave = await db.Set<SurveyWave>().Where(w => w.Id == waveId && w.CandidateId == id && visible.Any(v => v.Id == w.CandidateId)).SingleOrDefaultAsync();
        if (wave is null)
        {
            await db.AuditDeniedAsync(id, User, logger);
            return NotFound();
        }

        Today = NorwegianTime.Today(time);
        var consentStands = await db.Set<StudyConsent>().AnyAsync(c => c.ParticipantId == wave.ParticipantId && c.WithdrawnOn == null);
        string? token = null;
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
        {
            (token, var row) = SurveyLinkToken.HandOver(wave, consentStands, Today, time.GetUtcNow().UtcDateTime);
            db.Add(row);
            return Task.CompletedTask;
        }, ModelState, t, ex => Message(ex.MessageKey), prefix: "Link.");
        if (outcome == SaveOutcome.Saved)
        {
            Link = new HandedOverLink(wave.Number, wave.ClosesOn, options.Value.LinkFor(token!));
        }
        else
        {
            LinkError = ModelState.TryGetValue("Link.WaveId", out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;
        }

        await ShowAsync(id);
        return Page();
    }

    /// <summary>The study's protocol, created with the defaults the first time a study needs one.</summary>
    internal static async Task<StudyProtocol> ProtocolAsync(TrinnDbContext db, int studyId)
    {
        var protocol = await db.Set<StudyProtocol>().SingleOrDefaultAsync(p => p.StudyId == studyId);
        if (protocol is null)
        {
            protocol = StudyProtocol.CreateDefault(studyId);
            db.Add(protocol);
        }

        return protocol;
    }

    private string Message(string key) => s[key] is { ResourceNotFound: false } own ? own : t[key];

    private static (int StudyId, int? Letter) ParseLetter(string? value)
    {
        var parts = (value ?? "").Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var study)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var letter)
            ? (study, letter)
            : (0, null);
    }

    private async Task<bool> ShowAsync(int id)
    {
        Today = NorwegianTime.Today(time);
        var candidate = await db.ReadVisibleAsync(id, User, c => new { c.Id, c.TeamId, Name = c.FirstName + " " + c.LastName }, AuditEntities.StudyConsentPage, logger);
        if (candidate is null)
        {
            return false;
        }

        (Id, Name) = (candidate.Id, candidate.Name);
        var studies = db.StudiesOfTeam(candidate.TeamId);
        // Consent is given once per study (a withdrawn consent stays on record), so only studies without one are offered.
        var letters = await db.Set<InformationLetter>().AsNoTracking()
            .Where(l => studies.Any(x => x.Id == l.StudyId) && !db.Set<StudyConsent>().Any(c => c.CandidateId == id && c.StudyId == l.StudyId))
            .OrderBy(l => l.StudyId).ThenByDescending(l => l.Number)
            .Select(l => new { l.StudyId, Study = studies.Where(x => x.Id == l.StudyId).Select(x => x.Name).First(), l.Number, l.CreatedAtUtc })
            .Take(200)
            .ToListAsync();
        Letters = [new SelectListItem(t["Select_Choose"], ""), .. letters.Select(l => new SelectListItem(
            s["Consent_LetterOption", l.Study, l.Number, NorwegianTime.Format(DateOnly.FromDateTime(l.CreatedAtUtc))],
            $"{l.StudyId.ToString(CultureInfo.InvariantCulture)}:{l.Number.ToString(CultureInfo.InvariantCulture)}"))];

        var consents = await db.Set<StudyConsent>().AsNoTracking().Where(c => c.CandidateId == id)
            .OrderBy(c => c.ConsentedOn)
            .Select(c => new
            {
                c.Id,
                c.StudyId,
                c.ConsentedOn,
                c.InclusionDate,
                c.LetterNumber,
                c.WithdrawnOn,
                c.AnswersDeleted,
                c.Version,
                Study = db.Set<Study>().Where(x => x.Id == c.StudyId).Select(x => x.Name).First(),
                ResearchId = c.Participant!.ResearchId,
                RegisteredBy = db.Users.Where(u => u.Id == c.RegisteredById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync();
        var waves = await db.Set<SurveyWave>().AsNoTracking().Where(w => w.CandidateId == id)
            .OrderBy(w => w.Number)
            .Select(w => new { w.Id, w.ParticipantId, w.StudyId, w.Number, w.OffsetMonths, w.TargetDate, w.OpensOn, w.ClosesOn, w.SubmittedAtUtc, w.Withdrawn, w.InvitedAtUtc, w.RemindersSent, w.Paper })
            .ToListAsync();
        Consents = consents.Select(c => new ConsentRow(
            c.Id, c.Study, c.ResearchId, c.ConsentedOn, c.InclusionDate, c.LetterNumber, c.RegisteredBy ?? "", c.WithdrawnOn, c.AnswersDeleted, c.Version,
            waves.Where(w => w.StudyId == c.StudyId).Select(w => new WaveRow(
                w.Id, w.Number, w.OffsetMonths, w.TargetDate, w.OpensOn, w.ClosesOn,
                w.SubmittedAtUtc is not null ? WaveStatus.Answered : w.Withdrawn ? WaveStatus.Withdrawn : SurveyWave.Status(Today, w.OpensOn, w.ClosesOn, w.TargetDate, w.InvitedAtUtc is not null),
                w.RemindersSent, w.Paper)).ToList())).ToList();
        return true;
    }
}

public sealed record ConsentRow(
    int Id, string Study, string ResearchId, DateOnly ConsentedOn, DateOnly InclusionDate, int LetterNumber, string RegisteredBy,
    DateOnly? WithdrawnOn, bool AnswersDeleted, long Version, IReadOnlyList<WaveRow> Waves);

public sealed record HandedOverLink(int WaveNumber, DateOnly Closes, string Url)
{
    /// <summary>Opens the phone's message app with the link filled in (the form that works on Android and iOS).</summary>
    public string SmsHref => "sms:?&body=" + Uri.EscapeDataString(Url);
}

public sealed record WaveRow(int Id, int Number, int OffsetMonths, DateOnly Target, DateOnly Opens, DateOnly Closes, WaveStatus Status, int Reminders, bool Paper);

public sealed class RegisterConsentInput
{
    /// <summary>"{studyId}:{letter number}": the letter names its study.</summary>
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Letter")]
    public string? Letter { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_ConsentedOn")]
    public DateOnly? ConsentedOn { get; set; }

    public DateOnly? InclusionDate { get; set; }
}

public sealed class WithdrawConsentInput
{
    public int ConsentId { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_WithdrawnOn")]
    public DateOnly? WithdrawnOn { get; set; }

    public long Version { get; set; }
}
