using System.Globalization;
using Trinn.Core.Employers;
using Trinn.Core.Identity;
using Trinn.Core.Indicators;
using Trinn.Core.Placements;
using Trinn.Web.Features.Candidates;
using Trinn.Web.Features.Employers;
using Trinn.Web.Features.FollowUps;

namespace Trinn.Web.Features.Overview;

/// <summary>One row behind an indicator: a candidate (linked), or a contact or specialist; the cells; whether it counts in the numerator.</summary>
public sealed record BehindRow(int? CandidateId, string Name, IReadOnlyList<string> Cells, bool? Counted);

/// <summary>
/// The list behind a number on the dashboard, for team members of that team only: the same rows the indicator is
/// computed from (same loader and formulas), paged, candidate names read through the audited access. A job specialist
/// may list their own figures; the metodeveileder any specialist's of the team.
/// </summary>
public sealed class RowsModel(
    DashboardQuery query, TrinnDbContext db, IStringLocalizer<IndicatorsResource> l, IStringLocalizer<SharedResource> t,
    IStringLocalizer<EmployersResource> e, IStringLocalizer<FollowUpsResource> f) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "key")]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? FromText { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? ToText { get; set; }

    [BindProperty(SupportsGet = true, Name = ProgrammeChoice.Field)]
    public string? ProgrammeText { get; set; }

    /// <summary>The programme the list is narrowed to (as on the dashboard), or null for every programme.</summary>
    public Core.Candidates.Programme? Programme { get; private set; }

    [BindProperty(SupportsGet = true, Name = "specialist")]
    public string? Specialist { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public IndicatorDefinition Definition { get; private set; } = default!;

    public DatePeriod Period { get; private set; }

    public string? SpecialistName { get; private set; }

    public string? PeriodError { get; private set; }

    public IReadOnlyList<string> Columns { get; private set; } = [];

    public IReadOnlyList<BehindRow> Rows { get; private set; } = [];

    public bool HasCounted { get; private set; }

    public Pager Pager { get; private set; } = Pager.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IndicatorKeys.TryGet(Key, out var definition))
        {
            return NotFound();
        }

        Definition = definition;
        var today = query.Today;
        var (_, period, field, error) = PeriodChoice.Parse(null, null, FromText, ToText, today);
        Period = period;
        PeriodError = field is null ? null : l[error!].Value;
        var (programme, programmeError) = ProgrammeChoice.Parse(ProgrammeText);
        Programme = programme;
        PeriodError ??= programmeError is null ? null : l[programmeError].Value;
        var teamId = User.TeamId()!.Value;
        var data = await IndicatorDataLoader.LoadAsync(db, teamId, period, today, ProgrammeChoice.Filter(programme), ct: ct);
        if (!string.IsNullOrEmpty(Specialist))
        {
            var mayList = User.IsInRole(Roles.Metodeveileder) ? data.Specialists.Contains(Specialist) : Specialist == User.UserId();
            if (!mayList)
            {
                return NotFound();
            }

            SpecialistName = await db.Users.AsNoTracking().Where(u => u.Id == Specialist).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            data = data.ForSpecialist(Specialist);
        }

        var all = await BuildAsync(definition.Key, data, period, ct);
        HasCounted = all.Any(r => r.Counted is not null);
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, all.Count, Request.Query);
        var page = all.Skip(Pager.Skip).Take(PageSize).ToList();
        var ids = page.Where(r => r.CandidateId is not null).Select(r => r.CandidateId!.Value).Distinct().ToList();
        if (ids.Count > 0)
        {
            var names = await db.Candidates.AsNoTracking().VisibleTo(User).Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            await db.AuditReadAsync(AuditEntities.IndicatorRows, names.Keys.ToList());
            page = page.Select(r => r.CandidateId is { } id ? r with { Name = names.GetValueOrDefault(id, "–") } : r).ToList();
        }

        Rows = page;
        return Page();
    }

    private async Task<List<BehindRow>> BuildAsync(string key, IndicatorData data, DatePeriod period, CancellationToken ct)
    {
        var candidates = data.Candidates.ToDictionary(c => c.Id);
        string D(DateOnly? d) => NorwegianTime.Format(d);
        string YesNo(bool b) => b ? t["Yes"] : t["No"];
        var staff = new StaffCalendar(data.Memberships, data.Absences, query.Options.WeeklyHours);
        switch (key)
        {
            case IndicatorKeys.Caseload:
                Columns = [l["Rows_Start"]];
                return data.Candidates.Where(c => c.ActiveOn(period.To)).OrderBy(c => c.Start)
                    .Select(c => new BehindRow(c.Id, "", [D(c.Start)], null)).ToList();
            case IndicatorKeys.WorkWithinYear:
                Columns = [l["Rows_Start"], l["Rows_WindowEnd"], l["Rows_Official"], l["Rows_BroaderCol"]];
                return IndicatorFormulas.YearOutcomes(data, period).OrderBy(o => o.WindowEnd)
                    .Select(o => new BehindRow(o.CandidateId, "", [D(candidates[o.CandidateId].Start), D(o.WindowEnd), YesNo(o.Official), YesNo(o.Broader)], o.Official)).ToList();
            case IndicatorKeys.DischargedToWork:
                Columns = [l["Rows_Discharged"], l["Rows_Outcome"], l["Rows_BroaderCol"]];
                return data.Candidates.Where(c => c.DischargedOn is { } d && period.Contains(d) && c.Outcome is not null).OrderBy(c => c.DischargedOn)
                    .Select(c => new BehindRow(c.Id, "", [D(c.DischargedOn), EnumText.Name(t, c.Outcome!.Value),
                        YesNo(Core.Candidates.DischargeOutcomeDefinitions.CountsToWorkBroader(c.Outcome.Value))],
                        Core.Candidates.DischargeOutcomeDefinitions.CountsToWorkOfficial(c.Outcome.Value))).ToList();
            case IndicatorKeys.EmployerContacts or IndicatorKeys.EmployerContactsCandidateSpecific or IndicatorKeys.EmployerContactsNewEmployers or IndicatorKeys.EmployerContactsAll:
                return await ContactsAsync(key, data, staff, period, ct);
            case IndicatorKeys.OutOfOffice or IndicatorKeys.OutOfOfficeOfLogged:
                return await TimeAsync(data, staff, period, ct);
            case IndicatorKeys.FollowUpsOnTime:
                Columns = [l["Rows_FollowUpKind"], l["Rows_Planned"], l["Rows_Done"]];
                return IndicatorFormulas.DueFollowUps(data, period).OrderBy(x => x.FollowUp.Planned)
                    .Select(x => new BehindRow(x.FollowUp.CandidateId, "", [f["FollowUpKind_" + x.FollowUp.Kind], D(x.FollowUp.Planned), D(x.FollowUp.DoneOn)], x.Met)).ToList();
            case IndicatorKeys.InWorkWithoutFollowUp:
                Columns = [l["Rows_Placement"]];
                var without = IndicatorFormulas.InWorkWithoutFollowUp(data, period.To).ToHashSet();
                return IndicatorFormulas.InWork(data, period.To)
                    .Select(id => new BehindRow(id, "", [D(data.Placements.Where(p => p.CandidateId == id && p.IsPaid && p.ActiveOn(period.To)).Min(p => p.Start))], without.Contains(id)))
                    .OrderByDescending(r => r.Counted).ToList();
            case IndicatorKeys.WageSubsidiesPastReview:
                Columns = [l["Rows_Measure"], l["Rows_NextReview"]];
                var past = IndicatorFormulas.WageSubsidiesPastReview(data, period.To).Select(m => m.Id).ToHashSet();
                return IndicatorFormulas.RunningMeasures(data, SupportMeasureKind.Lonnstilskudd, period.To).OrderBy(m => m.NextReview)
                    .Select(m => new BehindRow(m.CandidateId, "", [D(m.From), D(m.NextReview)], past.Contains(m.Id))).ToList();
            case IndicatorKeys.MentorGrants:
                Columns = [l["Rows_Placement"]];
                var mentored = IndicatorFormulas.RunningMeasures(data, SupportMeasureKind.Mentortilskudd, period.To).Select(m => m.CandidateId).ToHashSet();
                return IndicatorFormulas.InWork(data, period.To)
                    .Select(id => new BehindRow(id, "", [D(data.Placements.Where(p => p.CandidateId == id && p.IsPaid && p.ActiveOn(period.To)).Min(p => p.Start))], mentored.Contains(id)))
                    .OrderByDescending(r => r.Counted).ToList();
            default:
                Columns = [l["Rows_Start"], l["Rows_FirstContact"], l["Rows_Days"]];
                return IndicatorFormulas.DaysToFirstContact(data, period).Rows.OrderBy(r => r.Start)
                    .Select(r => new BehindRow(r.CandidateId, "", [D(r.Start), D(r.FirstContact), r.Days?.ToString(CultureInfo.InvariantCulture) ?? "–"], r.Days is not null)).ToList();
        }
    }

    /// <summary>The contacts counted: by the team's specialists on days they were in the team, of the kind the figure counts.</summary>
    private async Task<List<BehindRow>> ContactsAsync(string key, IndicatorData data, StaffCalendar staff, DatePeriod period, CancellationToken ct)
    {
        Columns = [l["Rows_Date"], l["Rows_Employer"], l["Rows_Kind"], l["Rows_CandidateSpecific"], l["Rows_New"]];
        var users = data.Specialists.ToList();
        var contacts = await db.Set<EmployerContact>().AsNoTracking()
            .Where(c => users.Contains(c.SpecialistId) && c.Date >= period.From && c.Date <= period.To)
            .Where(c => key == IndicatorKeys.EmployerContactsAll || c.Kind != EmployerContactKind.Phone)
            .Where(c => key != IndicatorKeys.EmployerContactsCandidateSpecific || c.Candidates.Any())
            .Where(c => key != IndicatorKeys.EmployerContactsNewEmployers || c.FirstContact)
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id)
            .Select(c => new { c.SpecialistId, c.Date, Employer = c.Employer!.Name, c.Kind, Linked = c.Candidates.Any(), c.FirstContact, Specialist = c.Specialist!.DisplayName })
            .ToListAsync(ct);
        return contacts.Where(c => staff.IsMember(c.SpecialistId, c.Date))
            .Select(c => new BehindRow(null, c.Specialist, [NorwegianTime.Format(c.Date), c.Employer, e["EmployerContactKind_" + c.Kind], c.Linked ? t["Yes"] : t["No"], c.FirstContact ? t["Yes"] : t["No"]], null))
            .ToList();
    }

    /// <summary>Per specialist: working time, time out of the office and time logged (a job specialist sees their own row only).</summary>
    private async Task<List<BehindRow>> TimeAsync(IndicatorData data, StaffCalendar staff, DatePeriod period, CancellationToken ct)
    {
        Columns = [l["Rows_WorkingHours"], l["Rows_OutHours"], l["Rows_LoggedHours"], l["Dash_Value"]];
        var users = data.Specialists.Where(u => User.IsInRole(Roles.Metodeveileder) || u == User.UserId()).ToList();
        var names = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string H(decimal minutes) => (minutes / 60m).ToString("0.#", PagesSetup.Norwegian);
        return users.Select(u =>
        {
            var days = data.Time.Where(x => x.UserId == u && period.Contains(x.Date) && staff.IsMember(u, x.Date)).ToList();
            var working = staff.WorkingMinutes(period, u);
            var outside = days.Sum(x => (decimal)x.OutOfOfficeMinutes);
            var logged = days.Sum(x => (decimal)x.TotalMinutes);
            return new BehindRow(null, names.GetValueOrDefault(u, u), [H(working), H(outside), H(logged), IndicatorText.Value(Measure.Percent(outside, working).Value, IndicatorUnit.Percent)], null);
        }).OrderBy(r => r.Name, StringComparer.Create(PagesSetup.Norwegian, false)).ToList();
    }
}
