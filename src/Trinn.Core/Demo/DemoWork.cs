using Trinn.Core.Candidates;
using Trinn.Core.Data;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Core.Teams;
using Trinn.Core.TimeLog;

namespace Trinn.Core.Demo;

/// <summary>
/// The day-to-day work behind the demo's indicators: placements and follow-up plans from the candidates' stage moves,
/// the specialists' absence and logged time, and their employer contacts. Each specialist works a little differently
/// (contacts a week, share of time out of the office), and the teams keep their follow-up plans differently well.
/// </summary>
internal sealed class DemoWork(Random random, DateOnly today, DateTime nowUtc)
{
    /// <summary>A paid job and how long it ran (for contacts about candidates in work).</summary>
    public sealed record Job(Candidate Candidate, Placement Placement, DateOnly Start, DateOnly? End);

    private static readonly PlacementEnding[] LostEndings =
        [PlacementEnding.DroppedOut, PlacementEnding.DroppedOut, PlacementEnding.Mismatch, PlacementEnding.Mismatch, PlacementEnding.ContractEnded, PlacementEnding.Dismissed, PlacementEnding.BetterJob];

    private static readonly PlacementKind[] PaidKinds =
        [PlacementKind.Permanent, PlacementKind.Permanent, PlacementKind.Permanent, PlacementKind.Temporary, PlacementKind.Temporary, PlacementKind.Substitute, PlacementKind.OnCall];

    private readonly Dictionary<int, double> _followUpQuality = [];

    private DateOnly From => today.AddMonths(-EmployerDemoSeeder.HistoryMonths);

    /// <summary>Trials while looking for work (stage 3) and the paid jobs the stage moves tell of, with measures and follow-up plans.</summary>
    public List<Job> Placements(Candidate c, List<Employer> employers, TrinnDbContext db)
    {
        var changes = c.StageChanges.OrderBy(s => s.Date).ThenBy(s => s.Id).ToList();
        var by = c.PrimarySpecialistId ?? changes[^1].ByUserId;
        var last = c.DischargedOn ?? today;
        var jobs = new List<Job>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var next = i + 1 < changes.Count ? changes[i + 1].Date : last;
            if (change.ToStage == 3 && next.DayNumber - change.Date.DayNumber >= 25)
            {
                Trials(c, change.Date, next, employers, by, db);
            }

            if (change.ToStage == 4 && change.Reason == DemoCandidates.JobStartReason)
            {
                var lost = changes.Skip(i + 1).FirstOrDefault(s => s.Reason == DemoCandidates.JobLostReason);
                jobs.Add(PaidJob(c, change.Date, lost?.Date, employers[random.Next(employers.Count)], by, db));
            }
        }

        return jobs;
    }

    /// <summary>Makes sure each team has every kind of support measure at least once (on its most recent paid jobs).</summary>
    public void EnsureEveryMeasureKind(List<Job> jobs, DateTime now)
    {
        foreach (var team in jobs.GroupBy(j => j.Candidate.TeamId))
        {
            var recent = team.OrderByDescending(j => j.Start).ToList();
            foreach (var kind in Enum.GetValues<SupportMeasureKind>())
            {
                if (recent.Count > 0 && !recent.Any(j => j.Placement.Measures.Any(m => m.Kind == kind)))
                {
                    var job = recent.FirstOrDefault(j => j.Placement.Measures.Count == 0) ?? recent[0];
                    // Added as if before the job ended (an ended job takes no new measures), so it ends with the job.
                    var measure = Measure(kind, job.Start, now);
                    job.Placement.Measures.Add(measure);
                    if (job.Placement is { Ending: not null, EndDate: { } end })
                    {
                        measure.EndWithJob(end);
                    }
                }
            }
        }
    }

    /// <summary>
    /// One follow-up added by hand ("Legg til oppfølging") a few days ahead, on the latest running paid job of the first
    /// team's active candidates, so the demo shows a follow-up that can be cancelled ("Avlys"). Draws nothing from the
    /// demo's random sequence.
    /// </summary>
    public FollowUp? ByHandFollowUp(List<Job> jobs)
    {
        var job = jobs
            .Where(j => j.End is null && j.Placement.Ending is null && j.Candidate.DischargedOn is null && j.Candidate.PrimarySpecialistId is not null)
            .OrderBy(j => j.Candidate.TeamId).ThenByDescending(j => j.Start).ThenBy(j => j.Candidate.Id)
            .FirstOrDefault();
        return job is null ? null
            : FollowUp.ByHand(job.Candidate.Id, today.AddDays(4), "Ekstra besøk: avtalt med arbeidsgiver", job.Placement, job.Candidate.Referral?.ReferredOn, today);
    }

    /// <summary>Summer holidays, a few sick days a year, and one graded sick leave, within each person's memberships.</summary>
    public List<Absence> Absences(IReadOnlyList<TeamMembership> memberships)
    {
        var list = new List<Absence>();
        var index = 0;
        foreach (var user in memberships.GroupBy(m => m.UserId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            index++;
            var first = user.Min(m => m.From) < From ? From : user.Min(m => m.From);
            for (var year = first.Year; year <= today.Year; year++)
            {
                var summer = new DateOnly(year, 7, 1).AddDays(random.Next(0, 14));
                if (summer >= first && summer <= today.AddMonths(2))
                {
                    list.Add(Absence.Create(user.Key, summer, summer.AddDays(20), 100, AbsenceKind.Holiday, today, nowUtc));
                }

                for (var s = 0; s < 3; s++)
                {
                    var sick = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(27));
                    if (sick >= first && sick < today)
                    {
                        list.Add(Absence.Create(user.Key, sick, sick.AddDays(random.Next(0, 3)), 100, AbsenceKind.SickLeave, today, nowUtc));
                    }
                }
            }

            // Every fourth person had a graded (50 %) sick leave of four weeks some months ago.
            if (index % 4 == 0)
            {
                var graded = today.AddDays(-random.Next(60, 200));
                if (graded >= first)
                {
                    list.Add(Absence.Create(user.Key, graded, graded.AddDays(27), 50, AbsenceKind.SickLeave, today, nowUtc));
                }
            }
        }

        return list;
    }

    /// <summary>
    /// Logged time, sized by FTE and each person's habits: time with candidates on Tuesday, at employers on Thursday,
    /// office work on Friday (a week's time in three blocks keeps the demo quick to create); absent days are left out,
    /// and some weeks are not logged at all.
    /// </summary>
    public List<TimeBlock> Time(IReadOnlyList<TeamMembership> memberships, IReadOnlyList<Absence> absences)
    {
        var blocks = new List<TimeBlock>();
        foreach (var user in memberships.GroupBy(m => m.UserId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var outShare = 0.3 + (random.NextDouble() * 0.25);
            var mine = absences.Where(a => a.UserId == user.Key).ToList();
            foreach (var m in user.OrderBy(m => m.From))
            {
                var start = m.From < From ? From : m.From;
                var end = m.To is { } to && to < today ? to : today;
                var week = (double)m.Fte * 2250;
                for (var d = start; d <= end; d = d.AddDays(1))
                {
                    if (d.DayOfWeek == DayOfWeek.Monday && random.NextDouble() < 0.05)
                    {
                        // A week now and then goes unlogged: it still counts as working time.
                        d = d.AddDays(6);
                        continue;
                    }

                    if (d.DayOfWeek is not (DayOfWeek.Tuesday or DayOfWeek.Thursday or DayOfWeek.Friday))
                    {
                        continue;
                    }

                    var present = 1.0 - (Math.Min(100, mine.Where(a => a.From <= d && a.To >= d).Sum(a => a.Percent)) / 100.0);
                    if (present <= 0)
                    {
                        continue;
                    }

                    var outside = d.DayOfWeek is not DayOfWeek.Friday;
                    var share = d.DayOfWeek == DayOfWeek.Tuesday ? outShare * 0.55 : d.DayOfWeek == DayOfWeek.Thursday ? outShare * 0.45 : 0.92 - outShare;
                    var minutes = (int)(week * present * share * (0.75 + (random.NextDouble() * 0.5)));
                    var category = d.DayOfWeek switch { DayOfWeek.Tuesday => TimeCategory.WithCandidate, DayOfWeek.Thursday => TimeCategory.AtEmployer, DayOfWeek.Sunday or DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday or DayOfWeek.Saturday or _ => TimeCategory.OfficeWork };
                    if (minutes > 0)
                    {
                        blocks.Add(TimeBlock.Create(user.Key, d, Math.Min(minutes, TimeBlock.MaxMinutes), category, outside, null, today, nowUtc));
                    }
                }
            }
        }

        return blocks;
    }

    /// <summary>
    /// A team's employer contacts week by week, each specialist at their own pace: mostly in person, some by phone;
    /// many about a candidate (new candidates get their first employer contact within weeks), workplace follow-ups
    /// about candidates in work; the team's first contact with an employer is marked.
    /// </summary>
    public List<EmployerContact> Contacts(
        IReadOnlyList<TeamMembership> memberships, IReadOnlyList<Absence> absences, List<Employer> employers, List<Candidate> candidates, List<Job> jobs,
        Func<Employer> newEmployer)
    {
        var contacted = new HashSet<Employer>();
        var aboutCandidate = new HashSet<int>();
        var list = new List<EmployerContact>();
        var pace = memberships.Select(m => m.UserId).Distinct().Order(StringComparer.Ordinal).ToDictionary(u => u, _ => 3.5 + (random.NextDouble() * 3.5));
        var teamJobs = jobs.Where(j => candidates.Contains(j.Candidate)).ToList();
        var subsidised = teamJobs.Where(j => j.Placement.Measures.Any(m => m.Kind == SupportMeasureKind.Lonnstilskudd)).Select(j => j.Candidate.Id).ToHashSet();
        for (var monday = From.AddDays(-(((int)From.DayOfWeek + 6) % 7)); monday <= today; monday = monday.AddDays(7))
        {
            foreach (var m in memberships.Where(m => m.From <= monday && (m.To is null || m.To >= monday)).OrderBy(m => m.UserId, StringComparer.Ordinal))
            {
                var inPerson = (int)Math.Round(((double)m.Fte * pace[m.UserId]) + ((random.NextDouble() - 0.5) * 3));
                var phone = random.Next(0, 3);
                for (var n = 0; n < inPerson + phone; n++)
                {
                    var date = monday.AddDays(random.Next(0, 5));
                    if (date > today || absences.Any(a => a.UserId == m.UserId && a.From <= date && a.To >= date))
                    {
                        continue;
                    }

                    var kind = n >= inPerson ? EmployerContactKind.Phone
                        : random.NextDouble() switch { < 0.45 => EmployerContactKind.Visit, < 0.7 => EmployerContactKind.MeetingWithCandidate, < 0.85 => EmployerContactKind.WorkplaceFollowUp, _ => EmployerContactKind.Negotiation };
                    var linked = new List<int>();
                    var purpose = (EmployerContactPurpose)(1 + random.Next(4));
                    if (kind == EmployerContactKind.WorkplaceFollowUp)
                    {
                        var working = teamJobs.Where(j => j.Start <= date && (j.End is null || j.End >= date) && (j.Candidate.DischargedOn is null || j.Candidate.DischargedOn >= date)).ToList();
                        if (working.Count == 0)
                        {
                            kind = EmployerContactKind.Visit;
                        }
                        else
                        {
                            var j = working[random.Next(working.Count)];
                            linked.Add(j.Candidate.Id);
                            purpose = subsidised.Contains(j.Candidate.Id) && random.NextDouble() < 0.4 ? EmployerContactPurpose.AgreeSupportMeasures : EmployerContactPurpose.FollowUp;
                        }
                    }
                    else if (random.NextDouble() < 0.6)
                    {
                        var active = candidates.Where(c => c.Referral!.ReferredOn <= date.AddDays(-7) && (c.DischargedOn is null || c.DischargedOn >= date)
                                                           && c.StageChanges.Any(s => s.ToStage >= 2 && s.Date <= date)).ToList();
                        var fresh = active.Where(c => !aboutCandidate.Contains(c.Id)).ToList();
                        var pool = fresh.Count > 0 && random.NextDouble() < 0.7 ? fresh : active;
                        if (pool.Count > 0)
                        {
                            linked.Add(pool[random.Next(pool.Count)].Id);
                            purpose = random.NextDouble() < 0.5 ? EmployerContactPurpose.PresentCandidate : EmployerContactPurpose.JobDevelopment;
                        }
                    }

                    // One visit in five goes to an employer new to the team: the network grows.
                    var employer = kind == EmployerContactKind.Visit && random.NextDouble() < 0.2 ? newEmployer() : employers[random.Next(employers.Count)];
                    if (employer.Id == 0 && !employers.Contains(employer))
                    {
                        employers.Add(employer);
                    }

                    aboutCandidate.UnionWith(linked);
                    var contact = EmployerContact.Create(employer.Id, m.UserId, date, kind, purpose, contacted.Add(employer), 30 + (15 * random.Next(4)), null, linked, today, nowUtc);
                    contact.Employer = employer;
                    list.Add(contact);
                }
            }
        }

        return list;
    }

    private void Trials(Candidate c, DateOnly from, DateOnly to, List<Employer> employers, string by, TrinnDbContext db)
    {
        if (random.NextDouble() < 0.45)
        {
            var start = from.AddDays(random.Next(7, Math.Max(8, Math.Min(40, to.DayNumber - from.DayNumber - 3))));
            if (start < today)
            {
                var trial = Placement.Register(c.Id, employers[random.Next(employers.Count)].Id, PlacementKind.Jobbsmak, LabourMarket.Regular, null, start, start.AddDays(random.Next(1, 3)), by, nowUtc);
                if (trial.EndDate <= today)
                {
                    trial.End(trial.EndDate!.Value, PlacementEnding.ContractEnded, today);
                }

                db.Add(trial);
            }
        }

        if (random.NextDouble() < 0.25)
        {
            var start = from.AddDays(random.Next(10, Math.Max(11, to.DayNumber - from.DayNumber)));
            if (start < today)
            {
                var market = random.NextDouble() < 0.2 ? LabourMarket.Sheltered : LabourMarket.Regular;
                var training = Placement.Register(c.Id, employers[random.Next(employers.Count)].Id, PlacementKind.Arbeidstrening, market, null, start, start.AddDays(random.Next(30, 90)), by, nowUtc);
                if (training.EndDate <= today)
                {
                    training.End(training.EndDate!.Value, random.NextDouble() < 0.8 ? PlacementEnding.ContractEnded : PlacementEnding.DroppedOut, today);
                }

                db.Add(training);
            }
        }
    }

    private Job PaidJob(Candidate c, DateOnly start, DateOnly? end, Employer employer, string by, TrinnDbContext db)
    {
        var market = random.NextDouble() < 0.07 ? LabourMarket.Sheltered : LabourMarket.Regular;
        var job = Placement.Register(c.Id, employer.Id, PaidKinds[random.Next(PaidKinds.Length)], market, 40 + (10 * random.Next(7)), start, null, by, nowUtc);

        // Drawn here to keep the demo's random sequence; the job ends after its measures are on it, so they end with it.
        PlacementEnding? ending = end is null ? null : LostEndings[random.Next(LostEndings.Length)];

        var roll = random.NextDouble();
        if (roll < 0.35)
        {
            var subsidy = Measure(SupportMeasureKind.Lonnstilskudd, start, nowUtc);
            if (subsidy.NextReviewDate is { } review && review < today.AddDays(-10) && random.NextDouble() < 0.55)
            {
                var reviewed = review.AddDays(random.Next(0, 10));
                subsidy.Review(reviewed, reviewed.AddMonths(3), today, "Fortsatt behov; trappes ned neste periode.");
            }

            job.AddMeasure(subsidy);
        }

        if (random.NextDouble() < 0.25)
        {
            job.AddMeasure(Measure(SupportMeasureKind.Mentortilskudd, start, nowUtc));
        }

        if (random.NextDouble() < 0.1)
        {
            job.AddMeasure(Measure(SupportMeasureKind.Inkluderingstilskudd, start, nowUtc));
        }

        if (random.NextDouble() < 0.25)
        {
            job.AddMeasure(Measure(SupportMeasureKind.Tilretteleggingsplan, start, nowUtc));
        }

        if (end is { } e)
        {
            job.End(e, ending, today);
        }

        db.Add(job);
        FollowUps(c, job, start, end, db);
        return new Job(c, job, start, end);
    }

    /// <summary>
    /// The job's follow-up plan (fidelity item 17): past slots mostly met in time, some late, a few missed in the last
    /// weeks (overdue on Min portefølje); none after the job or the follow-up ended.
    /// </summary>
    private void FollowUps(Candidate c, Placement job, DateOnly start, DateOnly? end, TrinnDbContext db)
    {
        if (!_followUpQuality.TryGetValue(c.TeamId, out var quality))
        {
            quality = 0.6 + (0.1 * (_followUpQuality.Count % 3)) + (random.NextDouble() * 0.1);
            _followUpQuality[c.TeamId] = quality;
        }

        foreach (var (date, kind) in FollowUpPlanner.Plan(start))
        {
            if ((end is { } e && date > e) || (c.DischargedOn is { } d && date > d))
            {
                continue;
            }

            var followUp = FollowUp.Planned(c.Id, kind, date);
            followUp.Placement = job;
            if (date < today)
            {
                var roll = random.NextDouble();
                var grace = kind switch { FollowUpKind.AfterStart => 1, FollowUpKind.Weekly => 3, FollowUpKind.Monthly => 7, FollowUpKind.BeforeStart or FollowUpKind.Extra or _ => 0 };
                var done = roll < quality ? date.AddDays(random.Next(0, grace + 1))
                    : roll < quality + 0.15 || date < today.AddDays(-45) ? date.AddDays(grace + 1 + random.Next(0, 5))
                    : (DateOnly?)null;
                if (done is { } on && on < today)
                {
                    followUp.MarkDone(on, FollowUpDoneBy.JournalNote);
                }
            }

            db.Add(followUp);
        }
    }

    private SupportMeasure Measure(SupportMeasureKind kind, DateOnly start, DateTime now) => kind switch
    {
        SupportMeasureKind.Lonnstilskudd => SupportMeasure.Lonnstilskudd(30 + (5 * random.Next(10)), start, random.NextDouble() < 0.5 ? start.AddMonths(12) : null, start.AddMonths(3), now),
        SupportMeasureKind.Mentortilskudd => SupportMeasure.Mentortilskudd("Kollega på arbeidsplassen", 4 + random.Next(9), start, start.AddMonths(12), now),
        SupportMeasureKind.Inkluderingstilskudd => SupportMeasure.Inkluderingstilskudd(5000 + (1000 * random.Next(30)), "Tilpasset arbeidsstol og skjerm", now),
        SupportMeasureKind.Tilretteleggingsplan or _ => SupportMeasure.Tilretteleggingsplan("Start kl. 10 de første ukene; fast kontaktperson på arbeidsplassen", start, now),
    };
}
