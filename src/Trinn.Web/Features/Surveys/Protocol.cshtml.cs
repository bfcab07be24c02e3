using System.ComponentModel.DataAnnotations;
using Trinn.Core.Research;
using Trinn.Core.Surveys;

namespace Trinn.Web.Features.Surveys;

/// <summary>
/// Admin sets up how a study runs its questionnaire: waves, answer window, reminders, what withdrawal does to data,
/// the e-mail texts (previewed with a sample link before saving), and new versions of the information letter.
/// </summary>
public sealed class ProtocolModel(TrinnDbContext db, TimeProvider time, IStringLocalizer<SurveysResource> s, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ProtocolInput Input { get; set; } = new();

    [BindProperty]
    public LetterInput Letter { get; set; } = new();

    public int StudyId { get; private set; }

    public string StudyName { get; private set; } = "";

    public IReadOnlyList<(int Number, DateTime CreatedAtUtc, string Text)> Letters { get; private set; } = [];

    public (string Subject, string Body)? InvitationPreview { get; private set; }

    public (string Subject, string Body)? ReminderPreview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var protocol = await LoadAsync(id);
        if (protocol is null)
        {
            return NotFound();
        }

        Input = ProtocolInput.From(protocol);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? handling)
    {
        ModelState.KeepErrorsOf("Input.");
        var protocol = await LoadAsync(id);
        if (protocol is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var preview = handling == "preview";
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
        {
            ConcurrencyGuard.Expect(db, protocol, Input.Version);
            protocol.ChangeSchedule(Input.WaveOffsets, Input.WindowDaysBefore ?? -1, Input.WindowDaysAfter ?? -1, Input.FirstReminderDays, Input.SecondReminderDays, Input.OnWithdrawal ?? 0);
            protocol.ChangeTexts(Input.InvitationSubject, Input.InvitationBody, Input.ReminderSubject, Input.ReminderBody);
            if (preview)
            {
                var sample = SurveyOptions.SampleLink;
                var deadline = NorwegianTime.Today(time).AddDays(protocol.WindowDaysBefore + protocol.WindowDaysAfter);
                InvitationPreview = (protocol.InvitationSubject, StudyProtocol.Render(protocol.InvitationBody, StudyName, sample, deadline));
                ReminderPreview = (protocol.ReminderSubject, StudyProtocol.Render(protocol.ReminderBody, StudyName, sample, deadline));
                // A preview stores nothing: the save that follows finds no changes.
                db.ChangeTracker.Clear();
            }

            return Task.CompletedTask;
        }, ModelState, t, ex => s[ex.MessageKey]);
        return outcome == SaveOutcome.Saved && !preview ? Redirect($"/Surveys/Protocol/{id}?lagret=true") : Page();
    }

    public async Task<IActionResult> OnPostLetterAsync(int id)
    {
        ModelState.KeepErrorsOf("Letter.");
        var protocol = await LoadAsync(id);
        if (protocol is null)
        {
            return NotFound();
        }

        Input = ProtocolInput.From(protocol);
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, async () =>
        {
            var latest = await db.Set<InformationLetter>().Where(l => l.StudyId == id).MaxAsync(l => (int?)l.Number);
            db.Add(InformationLetter.Create(id, latest, Letter.Text, User.UserId(), time.GetUtcNow().UtcDateTime));
        }, ModelState, t, ex => s[ex.MessageKey], prefix: "Letter.", taken: UniqueRefusal.Conflict);
        return outcome == SaveOutcome.Saved ? Redirect($"/Surveys/Protocol/{id}?brev=true") : Page();
    }

    private async Task<StudyProtocol?> LoadAsync(int id)
    {
        var study = await db.Set<Study>().AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.Name }).SingleOrDefaultAsync();
        if (study is null)
        {
            return null;
        }

        (StudyId, StudyName) = (study.Id, study.Name);
        Letters = (await db.Set<InformationLetter>().AsNoTracking().Where(l => l.StudyId == id).OrderByDescending(l => l.Number)
            .Take(20).Select(l => new { l.Number, l.CreatedAtUtc, l.Text }).ToListAsync())
            .Select(l => (l.Number, l.CreatedAtUtc, l.Text)).ToList();
        var protocol = await ConsentModel.ProtocolAsync(db, id);
        if (db.Entry(protocol).State == EntityState.Added)
        {
            await db.SaveChangesAsync();
        }

        return protocol;
    }
}

public sealed class ProtocolInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_WaveOffsets")]
    public string? WaveOffsets { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_WindowBefore")]
    public int? WindowDaysBefore { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_WindowAfter")]
    public int? WindowDaysAfter { get; set; }

    public int? FirstReminderDays { get; set; }

    public int? SecondReminderDays { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_OnWithdrawal")]
    public WithdrawalPolicy? OnWithdrawal { get; set; }

    public string? InvitationSubject { get; set; }

    public string? InvitationBody { get; set; }

    public string? ReminderSubject { get; set; }

    public string? ReminderBody { get; set; }

    public long Version { get; set; }

    public static ProtocolInput From(StudyProtocol p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            WaveOffsets = p.WaveOffsets.Replace(",", ", ", StringComparison.Ordinal),
            WindowDaysBefore = p.WindowDaysBefore,
            WindowDaysAfter = p.WindowDaysAfter,
            FirstReminderDays = p.FirstReminderDays,
            SecondReminderDays = p.SecondReminderDays,
            OnWithdrawal = p.OnWithdrawal,
            InvitationSubject = p.InvitationSubject,
            InvitationBody = p.InvitationBody,
            ReminderSubject = p.ReminderSubject,
            ReminderBody = p.ReminderBody,
            Version = p.Version,
        };
    }
}

public sealed class LetterInput
{
    public string? Text { get; set; }
}
