using Microsoft.Extensions.Options;
using Trinn.Core.Common;
using Trinn.Core.Employers;
using Trinn.Core.Indicators;

namespace Trinn.Web.Features.Employers;

/// <summary>
/// Each job specialist's employer contacts in one ISO week. The Kvalitetsveileder's six a week counts contacts in
/// person (visits and meetings, not phone or e-mail) and is read as an average over time, never as a weekly pass or
/// fail: beside the week's counts stands the average per full-time week over the twelve weeks up to this one, measured
/// against working time as on the dashboard. This target is one of the two that also apply to the individual.
/// </summary>
public sealed class WeekModel(TrinnDbContext db, TimeProvider time, IOptions<IndicatorOptions> options, IStringLocalizer<EmployersResource> e) : PageModel
{
    public const int AverageWeeks = 12;

    [BindProperty(SupportsGet = true, Name = "week")]
    public string? WeekText { get; set; }

    public IsoWeek Week { get; private set; }

    public string? WeekError { get; private set; }

    public IReadOnlyList<WeekRow> Rows { get; private set; } = [];

    public decimal Target { get; private set; } = EmployerContactTarget.PerWeek;

    public DatePeriod AveragePeriod { get; private set; }

    public async Task OnGetAsync()
    {
        var today = NorwegianTime.Today(time);
        Week = IsoWeek.Of(today);
        if (!string.IsNullOrEmpty(WeekText))
        {
            if (IsoWeek.TryParse(WeekText, out var parsed))
            {
                Week = parsed;
            }
            else
            {
                WeekError = e["Error_WeekFormat"];
            }
        }

        var teamId = User.TeamId()!.Value;
        AveragePeriod = new DatePeriod(Week.Monday.AddDays(-7 * (AverageWeeks - 1)), Week.Sunday);
        var staff = await IndicatorDataLoader.LoadStaffAsync(db, teamId, AveragePeriod, today);
        var users = staff.Specialists.ToList();
        var contacts = await IndicatorDataLoader.ContactDaysAsync(db, users, AveragePeriod);
        var data = staff with { Contacts = contacts };
        Target = IndicatorTarget.InEffect(data.Targets, IndicatorKeys.EmployerContacts, Week.Sunday)?.Value ?? EmployerContactTarget.PerWeek;
        var names = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var week = new DatePeriod(Week.Monday, Week.Sunday);
        Rows = users
            .Select(id =>
            {
                var mine = data.ForSpecialist(id);
                var days = mine.Contacts.Where(c => week.Contains(c.Date)).ToList();
                var average = IndicatorFormulas.EmployerContacts(mine, new StaffCalendar(mine.Memberships, mine.Absences, options.Value.WeeklyHours), AveragePeriod).InPerson;
                return new WeekRow(id, names.GetValueOrDefault(id, id), days.Sum(c => c.InPerson), days.Sum(c => c.InPersonCandidateSpecific),
                    days.Sum(c => c.InPersonNewEmployer), days.Sum(c => c.All), average.Value);
            })
            .OrderBy(r => r.Name, StringComparer.Create(PagesSetup.Norwegian, false))
            .ToList();
    }
}

/// <summary>One specialist's week: contacts in person (the target figure), of those about a candidate and with a new employer, all contacts, and the 12-week average in person per full-time week.</summary>
public sealed record WeekRow(string SpecialistId, string Name, int InPerson, int CandidateSpecific, int NewEmployers, int All, decimal? Average);
