using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.Fidelity;
using Trinn.Core.Identity;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Shipped;
using Trinn.Core.Research;
using Trinn.Core.Surveys;

namespace Trinn.Core.Demo;

/// <summary>
/// Demo data for the job-seeker study: the first demo study gets a protocol and an information letter, every
/// participant a consent from 4–20 months back (not before their referral and cooperation agreement), and the waves
/// whose window has passed are answered (about one in six missed, one in four entered from paper), so the candidate
/// pages and the research analyses have data on first start. Answers are drawn from a fixed seed and always valid for the instrument (branching included).
/// </summary>
public sealed class SurveyDemoSeeder(TrinnDbContext db, TimeProvider time)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var study = await db.Set<Study>().Include(s => s.Teams).OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        var admin = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (study is null || admin is null || await db.Set<StudyConsent>().AnyAsync(ct))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var stored = await InstrumentStore.PublishAsync(db, ShippedInstruments.JobSeekerQuestionnaire, now, ct);
        var definition = stored.Definition();
        var protocol = StudyProtocol.CreateDefault(study.Id);
        protocol.UseInstrument(stored.Key, stored.Version);
        db.Add(protocol);
        db.Add(InformationLetter.Create(study.Id, null,
            "Informasjon om studien «" + study.Name + "».\n\nVi spør deg fire ganger: nå, og etter 3, 12 og 18 måneder. Det er frivillig, og du kan trekke deg når som helst uten å oppgi grunn.",
            admin, now.AddMonths(-21)));
        await db.SaveChangesAsync(ct);

        var specialists = await db.Users.Where(u => u.TeamId != null && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Jobbspesialist)))
            .Select(u => new { u.Id, u.TeamId }).ToListAsync(ct);
        var participants = await db.Set<StudyParticipant>().Where(p => p.StudyId == study.Id).OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.CandidateId,
                p.ResearchId,
                TeamId = p.Candidate!.TeamId,
                ReferredOn = p.Candidate.Referral == null ? (DateOnly?)null : p.Candidate.Referral.ReferredOn,
                SignedOn = p.Candidate.Agreement == null ? (DateOnly?)null : p.Candidate.Agreement.SignedOn,
            })
            .ToListAsync(ct);
        var random = new Random(2019);
        for (var i = 0; i < participants.Count; i++)
        {
            var p = participants[i];
            // Consent is given on the signed cooperation agreement's research consent, so never before it nor the referral:
            // the inclusion wave is dated from the consent, and a questionnaire from before the referral makes no sense.
            var consented = Latest(today.AddDays(-random.Next(120, 600)), p.ReferredOn, p.SignedOn, today);
            var consent = await StudyConsent.RegisterAsync(db, study, protocol, p.CandidateId, consented, consented, 1, admin, today, now, ct);
            await db.SaveChangesAsync(ct);
            var waves = await db.Set<SurveyWave>().Where(w => w.ParticipantId == consent.ParticipantId).OrderBy(w => w.Number).ToListAsync(ct);
            var inWork = random.NextDouble() < 0.3;
            var efficacy = random.Next(4, 9);
            var dropping = i % 4 == 1;
            foreach (var wave in waves.Where(w => w.ClosesOn < today))
            {
                if (random.NextDouble() < 0.17)
                {
                    continue; // missed
                }

                inWork = inWork || random.NextDouble() < 0.2;
                efficacy = Math.Clamp(dropping && wave.Number > 1 ? efficacy - 2 : efficacy + random.Next(-1, 2), 1, 10);
                var paper = random.NextDouble() < 0.25;
                var specialist = specialists.FirstOrDefault(s => s.TeamId == p.TeamId)?.Id;
                var answers = Answers(definition, random, inWork, efficacy, wave.TargetDate);
                var answeredAt = wave.TargetDate.AddDays(random.Next(0, 10)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
                wave.MarkInvited(wave.OpensOn.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc));
                db.AddRange(wave.Submit(definition, answers, p.ResearchId, paper && specialist is not null, specialist, wave.TargetDate, answeredAt));
            }

            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The latest of the drawn date and the candidate's referral and agreement dates, never after today.</summary>
    private static DateOnly Latest(DateOnly drawn, DateOnly? referredOn, DateOnly? signedOn, DateOnly today)
    {
        var latest = new[] { drawn, referredOn ?? drawn, signedOn ?? drawn }.Max();
        return latest > today ? today : latest;
    }

    /// <summary>A complete, valid answer set for the job-seeker questionnaire.</summary>
    private static AnswerSet Answers(InstrumentDefinition definition, Random random, bool inWork, int efficacy, DateOnly date)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dato"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["q1a"] = random.Next(1, 3).ToString(CultureInfo.InvariantCulture),
            ["q1b"] = random.Next(20, 60).ToString(CultureInfo.InvariantCulture),
            ["q2"] = inWork ? "1" : "2",
        };
        string Pick(int from, int to) => random.Next(from, to + 1).ToString(CultureInfo.InvariantCulture);
        string Efficacy() => Math.Clamp(efficacy + random.Next(-1, 2), 1, 10).ToString(CultureInfo.InvariantCulture);
        if (inWork)
        {
            values["q3"] = Pick(1, 2);
            if (values["q3"] == "2")
            {
                values["q4"] = Pick(20, 80);
            }

            foreach (var q in new[] { "q12", "q13", "q14", "q15", "q16", "q17", "q18", "q19" })
            {
                values[q] = Pick(2, 5);
            }

            foreach (var q in new[] { "q20", "q21", "q22" })
            {
                values[q] = Efficacy();
            }
        }
        else
        {
            values["q23"] = Pick(1, 4);
            values["q24"] = Pick(1, 3);
            foreach (var q in new[] { "q25", "q26", "q27" })
            {
                values[q] = Efficacy();
            }
        }

        values["q5"] = Pick(1, 4);
        values["q7"] = Pick(1, 8);
        values["q8"] = Pick(1, 4);
        values["q9"] = Pick(1, 4);
        values["q10"] = Pick(1, 5);
        values["q11"] = Pick(1, 3);
        for (var q = 28; q <= 34; q++)
        {
            values["q" + q.ToString(CultureInfo.InvariantCulture)] = Pick(2, 5);
        }

        for (var q = 35; q <= 39; q++)
        {
            values["q" + q.ToString(CultureInfo.InvariantCulture)] = random.Next(2) == 0 ? "A" : "B";
        }

        values["q40"] = Pick(2, 9);
        var set = AnswerSet.FromSingles(values);
        var benefits = definition.GetItem("q6").Options[random.Next(0, 4)].Code;
        return set with { Values = new Dictionary<string, IReadOnlyList<string>>(set.Values, StringComparer.Ordinal) { ["q6"] = [benefits] } };
    }
}
