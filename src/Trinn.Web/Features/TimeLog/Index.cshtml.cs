using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Employers;
using Trinn.Core.Indicators;
using Trinn.Core.TimeLog;

namespace Trinn.Web.Features.TimeLog;

/// <summary>
/// The signed-in user's time log for one ISO week: blocks, the out-of-office share of working time against 40 % (the
/// denominator is the working time, FTE × the weekly hours less registered absence, not the hours that happen to be
/// logged; the share of logged time stands beside it, labelled), and the week's journal notes and employer contacts
/// with a duration that are not in the log yet, carried over with one click.
/// </summary>
public sealed class IndexModel(
    TrinnDbContext db, IStringLocalizer<SharedResource> t, IStringLocalizer<TimeLogResource> l, TimeProvider time, IOptions<IndicatorOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "week")]
    public string? WeekText { get; set; }

    [BindProperty]
    public TimeBlockInput Input { get; set; } = new();

    public IsoWeek Week { get; private set; }

    public string? WeekError { get; private set; }

    public IReadOnlyList<TimeBlock> Blocks { get; private set; } = [];

    public TimeLogSummary Summary { get; private set; } = new(0, 0);

    /// <summary>The week's out-of-office hours over its working hours.</summary>
    public Measure WorkingShare { get; private set; } = new(null, 0, 0);

    /// <summary>The FTE on the week's first working day, for the explanation.</summary>
    public decimal Fte { get; private set; }

    public decimal WeeklyHours => options.Value.WeeklyHours;

    public IReadOnlyList<CarryItem> ToCarry { get; private set; } = [];

    public List<SelectListItem> Categories { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new TimeBlockInput { Date = NorwegianTime.Today(time) };
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
        {
            db.Add(TimeBlock.Create(User.UserId(), Input.Date!.Value, Input.Minutes ?? 0, Input.Category, Input.OutOfOffice, Input.Note,
                NorwegianTime.Today(time), time.GetUtcNow().UtcDateTime));
            return Task.CompletedTask;
        }, ModelState, t, ex => TimeLogMessages.For(ex, t, l));
        return outcome == SaveOutcome.Saved ? RedirectToPage(new { week = IsoWeek.Of(Input.Date!.Value).ToString() }) : Page();
    }

    /// <summary>Carries a journal note ("note") or employer contact ("contact") of the user's own into the log, once.</summary>
    public async Task<IActionResult> OnPostCarryAsync(string source, int id)
    {
        var me = User.UserId();
        var now = time.GetUtcNow().UtcDateTime;
        TimeBlock? block = null;
        if (source == "note" && !await db.Set<TimeBlock>().AnyAsync(b => b.JournalNoteId == id))
        {
            var note = await db.JournalNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && n.AuthorId == me && n.DurationMinutes > 0 && n.EnteredInErrorAtUtc == null);
            block = note is null ? null : TimeBlock.FromJournalNote(note, now);
        }
        else if (source == "contact" && !await db.Set<TimeBlock>().AnyAsync(b => b.EmployerContactId == id))
        {
            var contact = await db.Set<EmployerContact>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.SpecialistId == me && c.DurationMinutes > 0);
            block = contact is null ? null : TimeBlock.FromEmployerContact(contact, now);
        }

        if (block is null)
        {
            return NotFound();
        }

        db.Add(block);
        // Carried by a double click in another request: the unique index keeps it to one block, and either way the
        // week shows the carried block.
        _ = await ConcurrencyGuard.TryWriteAsync(db, () => db.SaveChangesAsync());

        return RedirectToPage(new { week = IsoWeek.Of(block.Date).ToString() });
    }

    private async Task LoadAsync()
    {
        Week = IsoWeek.Of(NorwegianTime.Today(time));
        if (!string.IsNullOrEmpty(WeekText))
        {
            if (IsoWeek.TryParse(WeekText, out var parsed))
            {
                Week = parsed;
            }
            else
            {
                WeekError = l["Error_Week"];
            }
        }

        var me = User.UserId();
        var (from, to) = (Week.Monday, Week.Sunday);
        Blocks = await db.Set<TimeBlock>().AsNoTracking().Where(b => b.UserId == me && b.Date >= from && b.Date <= to)
            .OrderBy(b => b.Date).ThenBy(b => b.Id).ToListAsync();
        Summary = TimeLogSummary.Of(Blocks);
        var week = new DatePeriod(from, to);
        var spans = await IndicatorDataLoader.UserMembershipsAsync(db, me, from, to);
        var staff = new StaffCalendar(spans, await IndicatorDataLoader.AbsencesAsync(db, [me], week), options.Value.WeeklyHours);
        WorkingShare = Measure.Percent(Summary.OutOfOfficeMinutes / 60m, staff.WorkingMinutes(week, me) / 60m);
        Fte = Enumerable.Range(0, 7).Select(i => staff.FteOn(me, from.AddDays(i))).Max();
        var notes = await db.JournalNotes.AsNoTracking()
            .Where(n => n.AuthorId == me && n.DurationMinutes > 0 && n.Date >= from && n.Date <= to && n.EnteredInErrorAtUtc == null
                        && !db.Set<TimeBlock>().Any(b => b.JournalNoteId == n.Id))
            .Select(n => new CarryItem("note", n.Id, n.Date, n.DurationMinutes, n.Kind == JournalKind.WorkplaceVisit || n.Kind == JournalKind.WithEmployer, n.Place == WorkPlace.OutOfOffice))
            .ToListAsync();
        var contacts = await db.Set<EmployerContact>().AsNoTracking()
            .Where(c => c.SpecialistId == me && c.DurationMinutes > 0 && c.Date >= from && c.Date <= to
                        && !db.Set<TimeBlock>().Any(b => b.EmployerContactId == c.Id))
            .Select(c => new CarryItem("contact", c.Id, c.Date, c.DurationMinutes, true, c.Kind != EmployerContactKind.Phone))
            .ToListAsync();
        ToCarry = notes.Concat(contacts).OrderBy(c => c.Date).ToList();
        Categories = EnumText.Items<TimeCategory>(l, t["Select_Choose"]);
    }
}

/// <summary>A journal note or employer contact with a duration, not yet in the log. No candidate names here.</summary>
public sealed record CarryItem(string Source, int Id, DateOnly Date, int Minutes, bool AtEmployer, bool OutOfOffice);

public sealed class TimeBlockInput
{
    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Range(1, TimeBlock.MaxMinutes, ErrorMessage = "Error_Duration")]
    [Display(Name = "Field_Minutes")]
    public int? Minutes { get; set; }

    [Required(ErrorMessage = "Error_Required")]
    [Display(Name = "Field_TimeCategory")]
    public TimeCategory? Category { get; set; }

    [Display(Name = "Field_OutOfOffice")]
    public bool OutOfOffice { get; set; }

    [StringLength(TimeBlock.NoteMaxLength, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Note")]
    public string? Note { get; set; }

    public long Version { get; set; }

    public static TimeBlockInput From(TimeBlock b) => new()
    {
        Date = b.Date,
        Minutes = b.Minutes,
        Category = b.Category,
        OutOfOffice = b.OutOfOffice,
        Note = b.Note,
        Version = b.Version,
    };
}
