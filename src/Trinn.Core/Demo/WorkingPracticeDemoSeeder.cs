using Microsoft.EntityFrameworkCore;
using Trinn.Core.ActionPlans;
using Trinn.Core.Activities;
using Trinn.Core.Candidates;
using Trinn.Core.CaseReviews;
using Trinn.Core.Data;
using Trinn.Core.Identity;
using Trinn.Core.Placements;

namespace Trinn.Core.Demo;

/// <summary>
/// Demo data for the team's way of working, on top of the other demo seeders: action plans made with the candidate, a
/// three-way meeting and a health contact, programmes (UO, IPS, other), a case review of a lost job (and one planned),
/// a CV group and a meeting place, and mentor grants with mandate, training and a joint period. Fictional throughout.
/// </summary>
public sealed class WorkingPracticeDemoSeeder(TrinnDbContext db, TimeProvider time)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var teams = await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        if (teams.Count == 0)
        {
            return;
        }

        var supervisorRole = await db.Roles.Where(r => r.Name == Roles.Metodeveileder).Select(r => r.Id).SingleAsync(ct);
        foreach (var teamId in teams)
        {
            var candidates = await db.Candidates.Include(c => c.Agreement)
                .Where(c => c.TeamId == teamId && c.PrimarySpecialistId != null && c.Agreement != null)
                .OrderBy(c => c.Id).ToListAsync(ct);
            if (candidates.Count == 0)
            {
                continue;
            }

            var supervisor = await db.Users.Where(u => u.TeamId == teamId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == supervisorRole))
                .Select(u => u.Id).FirstOrDefaultAsync(ct) ?? candidates[0].PrimarySpecialistId!;
            var active = candidates.Where(c => c.DischargedOn == null).ToList();

            // Programmes: most follow UO; one in four IPS (close work with fastlege and psykolog), one other.
            for (var i = 0; i < candidates.Count; i++)
            {
                candidates[i].SetProgramme(i % 4 == 3 ? Programme.Ips : i == 5 ? Programme.Other : Programme.UtvidetOppfolging);
            }

            foreach (var c in active.Take(3))
            {
                await SeedPlanAsync(c, today, now, ct);
            }

            if (active.FirstOrDefault() is { } first)
            {
                // A three-way meeting with the NAV-veileder, who consented in the agreement.
                var meeting = JournalNote.Create(first, first.PrimarySpecialistId!, Max(today.AddDays(-5), first.StageSince), JournalKind.ThreeWayMeeting,
                    WorkPlace.OutOfOffice, 60, "Trepartsmøte hos NAV: gikk gjennom planen og avtalte arbeidstrening som neste steg.", today, now);
                db.Add(meeting);
            }

            if (active.Skip(1).FirstOrDefault() is { } second)
            {
                // Going with the candidate to the fastlege: needs the health consent, which this candidate gave.
                second.Agreement!.ConsentHealthAndNetwork = true;
                var health = JournalNote.Create(second, second.PrimarySpecialistId!, Max(today.AddDays(-8), second.StageSince), JournalKind.HealthServices,
                    WorkPlace.OutOfOffice, 45, "Fulgte kandidaten til fastlegen for å snakke om arbeidstid og medisiner.", today, now);
                db.Add(health);
            }

            // A case review of a lost job (held, with lessons) and one planned for a discharge without work.
            if (candidates.FirstOrDefault(c => c.DischargedOn == null && c.Stage == 3) is { } lost)
            {
                var review = CaseReview.Schedule(teamId, lost.Id, CaseReviewReason.LostJob, today.AddDays(-14), supervisor, now);
                review.Record(today.AddDays(-14),
                    "Kandidaten mistet jobben etter prøveperioden. Arbeidsgiver tok kontakt først da det var for sent.",
                    "God matching mot ønsker; kandidaten trivdes med oppgavene.",
                    "For lite oppfølging på arbeidsplassen etter første måned; ingen fast avtale med nærmeste leder.",
                    "Avtale faste oppfølgingsmøter på arbeidsplassen hele første år, og en kontaktperson hos arbeidsgiver.",
                    "oppfølging på arbeidsplassen, arbeidsgiverkontakt, prøvetid", supervisor, today);
                db.Add(review);
            }

            if (candidates.FirstOrDefault(c => c.DischargeOutcome is { } o && !DischargeOutcomeDefinitions.IsWork(o)) is { } withoutWork)
            {
                db.Add(CaseReview.Schedule(teamId, withoutWork.Id, CaseReviewReason.DischargedWithoutWork, today.AddDays(7), supervisor, now));
            }

            if (active.Count == 0)
            {
                continue;
            }

            // A CV group and a meeting place with NAV-veiledere.
            var leader = active[0].PrimarySpecialistId!;
            db.Add(GroupActivity.Create(teamId, today.AddDays(-10), GroupActivityKind.CvGroup, "CV-verksted", "Alle skrev om CV-en sin med hjelp fra hverandre.", 120,
                [leader], active.Take(4).Select(c => c.Id).ToList(), leader, today, now));
            if (active.Count > 1)
            {
                db.Add(GroupActivity.Create(teamId, today.AddDays(-30), GroupActivityKind.MeetingPlace, "Møteplass med NAV-veilederne", null, 90,
                    [leader, supervisor], active.Skip(1).Take(2).Select(c => c.Id).ToList(), supervisor, today, now));
            }
        }

        // Mentor grants get the mentor's mandate, the training given and the joint period with the job specialist.
        var mentors = await db.Set<SupportMeasure>().Where(m => m.Kind == SupportMeasureKind.Mentortilskudd).ToListAsync(ct);
        foreach (var m in mentors)
        {
            var from = m.FromDate ?? today;
            var jointTo = m.ToDate is { } to && to < from.AddMonths(1) ? to : from.AddMonths(1);
            m.DescribeMentor(
                "Mentor viser arbeidsoppgavene, er fast kontaktperson de første månedene og sier fra til jobbspesialisten hvis noe blir vanskelig.",
                "Halvdagskurs i observasjon, veiledning og konflikthåndtering.", from, jointTo);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedPlanAsync(Candidate c, DateOnly today, DateTime now, CancellationToken ct)
    {
        var plan = ActionPlan.Start(c.Id, now);
        var first = Max(today.AddDays(-21), c.StageSince);
        plan.RecordUpdate(new PlanChange(first, new PlanMeetingPresence(true, true, false, false), "Laget planen sammen på kafé.",
            "Komme i jobb i butikk eller på lager, 50–80 %", new NewPlanStep(null, "Oppdatere CV-en", StepOwner.Candidate, first.AddDays(7)),
            new Dictionary<int, StepStatus>(), new Dictionary<int, GoalStatus>()), c.PrimarySpecialistId!, today, now);
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        var goal = plan.Goals[0];
        var cv = plan.Steps[0];
        var second = Max(today.AddDays(-7), first);
        plan.RecordUpdate(new PlanChange(second, new PlanMeetingPresence(true, true, false, true), "Trepartsmøte: CV ferdig, avtalte besøk hos arbeidsgivere.",
            null, new NewPlanStep(goal.Id, "Ta med kandidaten på besøk hos to arbeidsgivere", StepOwner.JobSpecialist, today.AddDays(10)),
            new Dictionary<int, StepStatus> { [cv.Id] = StepStatus.Done }, new Dictionary<int, GoalStatus>()), c.PrimarySpecialistId!, today, now);
        plan.RecordUpdate(new PlanChange(second, new PlanMeetingPresence(true, true, false, false), null,
            null, new NewPlanStep(goal.Id, "Øve på jobbintervju med en venn", StepOwner.Candidate, today.AddDays(5)),
            new Dictionary<int, StepStatus>(), new Dictionary<int, GoalStatus>()), c.PrimarySpecialistId!, today, now);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
