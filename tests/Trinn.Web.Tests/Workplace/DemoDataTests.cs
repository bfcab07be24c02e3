using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Data;
using Trinn.Core.Duration;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Web.Infrastructure;
using Trinn.Web.Tests.Resilience;

namespace Trinn.Web.Tests.Workplace;

/// <summary>The demo installation shows stages 3–5: employers, contacts, placements, an overdue follow-up and a wage subsidy past review.</summary>
public sealed class DemoDataTests(DemoTrinnFactory app) : IClassFixture<DemoTrinnFactory>
{
    private readonly DemoTrinnFactory _factory = app;

    [Fact]
    public async Task Demo_StudyHasAnsweredMissedAndPaperWaves_WithScoresOnTheSurveyPages()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var today = NorwegianTime.Today(TimeProvider.System);
        var study = await db.Set<Study>().OrderBy(s => s.Id).FirstAsync();
        var waves = db.Set<SurveyWave>().AsNoTracking().Where(w => w.StudyId == study.Id);
        var answered = await waves.WithStatus(WaveStatus.Answered, today).Select(w => w.Id).ToListAsync();

        Assert.True(await db.Set<StudyConsent>().CountAsync(c => c.StudyId == study.Id) >= 10);
        Assert.True(answered.Count >= 10, $"{answered.Count} answered waves");
        Assert.True(await waves.WithStatus(WaveStatus.Missed, today).AnyAsync());
        Assert.True(await waves.AnyAsync(w => w.SubmittedAtUtc != null && w.Paper && w.EnteredById != null));
        Assert.True(await waves.AnyAsync(w => w.SubmittedAtUtc != null && !w.Paper));
        Assert.True(await waves.WithStatus(WaveStatus.Scheduled, today).AnyAsync());
        var scores = await db.Set<SurveyScore>().AsNoTracking().Where(s => s.StudyId == study.Id).ToListAsync();
        Assert.Equal(answered.Order(), scores.Select(s => s.WaveId).Distinct().Order());
        Assert.All(scores.GroupBy(s => s.WaveId), g => Assert.Equal(13, g.Count()));
        Assert.Contains(scores, s => s.ConstructKey == "work_ability" && s.Value is not null);

        // What the job specialist sees: the team's answered and missed waves, and a candidate's scores.
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var password = Environment.GetEnvironmentVariable("TRINN_DEMO_PASSWORD") is { Length: > 0 } p ? p : Trinn.Core.Demo.DemoSeeder.DefaultPassword;
        var login = await AppFixture.PostFormAsync(client, "/Account/Login", new() { ["Input.UserName"] = "jobbspesialist1", ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        var team1 = await db.Teams.Where(t => t.Name == "Team 1").Select(t => t.Id).SingleAsync();
        var scored = await db.Set<SurveyScore>().Where(s => db.Candidates.Any(c => c.Id == s.CandidateId && c.TeamId == team1)).Select(s => s.CandidateId).FirstAsync();
        foreach (var status in new[] { "answered", "missed" })
        {
            var html = await (await client.GetAsync($"/Surveys?status={status}")).HtmlAsync();
            Assert.Contains("data-testid=\"waves-table\"", html, StringComparison.Ordinal);
        }

        var candidatePage = await (await client.GetAsync($"/Candidates/Details/{scored}")).HtmlAsync();
        Assert.Contains("data-testid=\"scores-table\"", candidatePage, StringComparison.Ordinal);
        Assert.Contains("data-construct=\"work_ability\"", candidatePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_StudyConsentsAndWaves_NeverBeforeTheCandidatesReferralOrAgreement()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var consents = await db.Set<StudyConsent>().AsNoTracking()
            .Select(c => new
            {
                c.ParticipantId,
                c.CandidateId,
                c.ConsentedOn,
                c.InclusionDate,
                ReferredOn = db.Candidates.Where(x => x.Id == c.CandidateId).Select(x => x.Referral!.ReferredOn).Single(),
                SignedOn = db.CooperationAgreements.Where(a => a.CandidateId == c.CandidateId).Select(a => a.SignedOn).Single(),
            })
            .ToListAsync();
        Assert.NotEmpty(consents);
        var waves = (await db.Set<SurveyWave>().AsNoTracking().Select(w => new { w.ParticipantId, w.Number, w.TargetDate, w.SubmittedAtUtc }).ToListAsync())
            .ToLookup(w => w.ParticipantId);
        foreach (var c in consents)
        {
            var who = $"candidate {c.CandidateId}, referred {c.ReferredOn}, agreement {c.SignedOn}, consent {c.ConsentedOn}, inclusion {c.InclusionDate}";
            Assert.True(c.ConsentedOn >= c.ReferredOn && c.ConsentedOn >= c.SignedOn, who);
            Assert.NotEmpty(waves[c.ParticipantId]);
            foreach (var w in waves[c.ParticipantId])
            {
                Assert.True(w.TargetDate >= c.InclusionDate, $"{who}: wave {w.Number} dated {w.TargetDate}");
                Assert.True(w.SubmittedAtUtc is not { } at || DateOnly.FromDateTime(at) >= c.InclusionDate, $"{who}: wave {w.Number} answered {w.SubmittedAtUtc}");
            }
        }
    }

    [Fact]
    public async Task Demo_HasAnOpenFollowUpAddedByHandOnARunningJob_ItsSpecialistCanCancelIt()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var today = NorwegianTime.Today(TimeProvider.System);
        var byHand = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.Kind == FollowUpKind.Extra && f.DoneOn == null && f.ClosedOn == null && f.PlannedDate > today
                        && db.Set<Placement>().Any(p => p.Id == f.PlacementId && p.Ending == null))
            .OrderBy(f => f.Id)
            .Select(f => new
            {
                f.Id,
                f.CandidateId,
                UserName = db.Users.Where(u => u.Id == db.Candidates.Where(c => c.Id == f.CandidateId).Select(c => c.PrimarySpecialistId).Single())
                    .Select(u => u.UserName).Single(),
            })
            .FirstOrDefaultAsync();
        Assert.NotNull(byHand);

        // What the specialist sees on "Oppfølging på arbeidsplassen", and the "Avlys" button they click.
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var password = Environment.GetEnvironmentVariable("TRINN_DEMO_PASSWORD") is { Length: > 0 } p ? p : Trinn.Core.Demo.DemoSeeder.DefaultPassword;
        var login = await AppFixture.PostFormAsync(client, "/Account/Login", new() { ["Input.UserName"] = byHand.UserName!, ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        var url = $"/FollowUps/Index/{byHand.CandidateId}";
        var page = await (await client.GetAsync(url)).HtmlAsync();
        var start = page.IndexOf($"<tr data-followup=\"{byHand.Id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for follow-up {byHand.Id}");
        var row = page[start..(page.IndexOf("</tr>", start, StringComparison.Ordinal) + 5)];
        Assert.Contains("data-state=\"planned\"", row, StringComparison.Ordinal);
        Assert.Contains(">Avlys<span class=\"sr-only\">", row, StringComparison.Ordinal);

        var cancelled = await client.PostFormAsync(Forms.Find(row, url, url + "?handler=Cancel"), []);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(FollowUpClosedReason.Cancelled, await db.Set<FollowUp>().AsNoTracking().Where(f => f.Id == byHand.Id).Select(f => f.ClosedReason).SingleAsync());
    }

    [Fact]
    public async Task Demo_HasStage345Data()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrinnDbContext>();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        Assert.True(await db.Set<Employer>().CountAsync() >= 10);
        Assert.All(await db.Set<Employer>().Select(e => e.OrganizationNumber).ToListAsync(), n => Assert.True(OrganizationNumber.IsValid(n), n));
        Assert.True(await db.Set<EmployerContact>().AnyAsync(c => c.FirstContact));
        Assert.True(await db.Set<Placement>().AnyAsync(p => p.Kind == PlacementKind.Jobbsmak));
        Assert.True(await db.Set<Placement>().AnyAsync(p => p.Kind == PlacementKind.Permanent || p.Kind == PlacementKind.Temporary));
        Assert.True(await db.Set<FollowUp>().AnyAsync(f => f.DoneOn == null && f.PlannedDate < today));
        var subsidies = await db.Set<SupportMeasure>().Where(m => m.Kind == SupportMeasureKind.Lonnstilskudd).ToListAsync();
        Assert.Contains(subsidies, m => SupportMeasure.ReviewOverdue(m.NextReviewDate, m.LastReviewedOn, m.FromDate, m.ToDate, null, today));
        Assert.True(await db.Set<FollowUpPeriod>().AnyAsync());

        // Opportunities, one carved for a candidate, and in each team at least one open one that some active candidate fits.
        var opportunities = await db.Set<Trinn.Core.Opportunities.JobOpportunity>().AsNoTracking().Include(o => o.Employer).ToListAsync();
        Assert.Contains(opportunities, o => o.CarvedForCandidateId is not null);
        Assert.Contains(opportunities, o => o.Status != Trinn.Core.Opportunities.OpportunityStatus.Open);
        foreach (var team in opportunities.GroupBy(o => o.Employer!.TeamId))
        {
            var candidates = await db.Candidates.AsNoTracking().Where(c => c.TeamId == team.Key && c.DischargedOn == null)
                .Select(c => new { c.Id, P = db.ProfileVersions.Where(p => p.CandidateId == c.Id).OrderByDescending(p => p.VersionNumber).FirstOrDefault() })
                .ToListAsync();
            var wishes = candidates.Where(c => c.P is not null).Select(c => new Trinn.Core.Opportunities.CandidatePreferences(
                c.Id, true, c.P!.PreferredIndustries, c.P.PreferredHoursMin, c.P.PreferredHoursMax, c.P.PreferredPlaces)).ToList();
            var fitted = team.Select(o => new Trinn.Core.Opportunities.OpportunityTerms(o.Id, o.Status, o.Industry, o.HoursPerWeek, o.Place, o.CarvedForCandidateId))
                .Where(o => o.CarvedForCandidateId is null)
                .Select(o => Trinn.Core.Opportunities.JobMatching.ForOpportunity(o, wishes).Count).ToList();
            Assert.True(fitted.Count(n => n > 0) >= 2, $"Team {team.Key}: {string.Join(",", fitted)}");
        }
    }
}
