using System.Net.Http.Json;
using System.Text.Json;
using Trinn.Core.ActionPlans;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.CaseReviews;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Web.Tests.Workplace;
using static Trinn.Web.Tests.WorkingPractice.PracticeBuilders;

namespace Trinn.Web.Tests.WorkingPractice;

/// <summary>
/// What the team does with and around the candidate, through the pages and the API, on each database provider: the
/// action plan, the NAV-veileder's view and handover, taking back after a lost job, case reviews, group activities and
/// the programme. Today is Friday 27 November 2026.
/// </summary>
public abstract class PracticePagesTests(AppFixture fx)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task ActionPlan_CountsInHistoryAndSummary_SingularForOne_PluralForTwoAndNone()
    {
        var candidate = await fx.CandidateAsync();
        var client = await fx.LoginAsync("js1");
        var url = $"/ActionPlans/Index/{candidate.Id}";
        var details = $"/Candidates/Details/{candidate.Id}";
        async Task MeetAsync(string date, Dictionary<string, string> fields)
        {
            fields["Input.Date"] = date;
            fields["Input.CandidatePresent"] = "true";
            Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(client, url, fields)).StatusCode);
        }

        Dictionary<string, string> GoalWithOwnStep(string goal, string step) => new()
        {
            ["Input.NewGoal"] = goal,
            ["Input.StepGoalId"] = "",
            ["Input.StepText"] = step,
            ["Input.StepOwner"] = S((int)StepOwner.Candidate),
        };

        await MeetAsync("2026-11-20", GoalWithOwnStep("Jobb i butikk", "Oppdatere CV-en"));
        Assert.Contains("1 nytt mål, 1 nytt steg, 0 endrede statuser", await (await client.GetAsync(url)).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("1 åpent steg. Kandidaten har gjort 0 av 1 eget steg.", await (await client.GetAsync(details)).HtmlAsync(), StringComparison.Ordinal);

        await MeetAsync("2026-11-23", GoalWithOwnStep("Jobb på lager", "Ringe lageret"));
        Assert.Contains("2 åpne steg. Kandidaten har gjort 0 av 2 egne steg.", await (await client.GetAsync(details)).HtmlAsync(), StringComparison.Ordinal);

        var steps = await fx.WithDbAsync(db => db.Set<ActionPlanStep>().Where(s => s.CandidateId == candidate.Id).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());
        var third = GoalWithOwnStep("Jobb på kafé", "Besøke kaféen");
        third[$"Input.StepStatuses[{steps[0]}]"] = S((int)StepStatus.Done);
        await MeetAsync("2026-11-24", third);
        Assert.Contains("2 åpne steg. Kandidaten har gjort 1 av 3 egne steg.", await (await client.GetAsync(details)).HtmlAsync(), StringComparison.Ordinal);
        steps = await fx.WithDbAsync(db => db.Set<ActionPlanStep>().Where(s => s.CandidateId == candidate.Id).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());
        await MeetAsync("2026-11-25", new() { [$"Input.StepStatuses[{steps[1]}]"] = S((int)StepStatus.Done), [$"Input.StepStatuses[{steps[2]}]"] = S((int)StepStatus.Dropped) });

        var page = await (await client.GetAsync(url)).HtmlAsync();
        Assert.Contains("1 nytt mål, 1 nytt steg, 1 endret status", page, StringComparison.Ordinal);
        Assert.Contains("0 nye mål, 0 nye steg, 2 endrede statuser", page, StringComparison.Ordinal);
        Assert.Contains("Kandidaten har gjort 2 av 3 egne steg.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionPlan_MadeWithTheCandidate_OpenStepIsTheNextActionOnMinPortefolje_PrintsPlain_Audited()
    {
        var candidate = await fx.CandidateAsync();
        var client = await fx.LoginAsync("js1");
        var url = $"/ActionPlans/Index/{candidate.Id}";
        var nobody = await AppFixture.PostFormAsync(client, url, new() { ["Input.Date"] = "2026-11-26", ["Input.Note"] = "Møte", ["Input.Version"] = "0" });
        Assert.NotNull(FieldError(await nobody.HtmlAsync(), "Input_CandidatePresent"));

        var made = await AppFixture.PostFormAsync(client, url, new()
        {
            ["Input.Date"] = "2026-11-26",
            ["Input.CandidatePresent"] = "true",
            ["Input.JobSpecialistPresent"] = "true",
            ["Input.NewGoal"] = "Jobb i butikk",
            ["Input.StepGoalId"] = "",
            ["Input.StepText"] = "Oppdatere CV-en",
            ["Input.StepOwner"] = S((int)StepOwner.Candidate),
            ["Input.StepDueDate"] = "2026-12-04",
            ["Input.Note"] = "Laget planen på kafé",
            ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Contains("Plan: Oppdatere CV-en (04.12.2026)", await (await client.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);

        var print = await (await client.GetAsync($"/ActionPlans/Print/{candidate.Id}")).HtmlAsync();
        Assert.Contains("Dette gjør jeg", print, StringComparison.Ordinal);
        Assert.Contains("Oppdatere CV-en – innen 04.12.2026", print, StringComparison.Ordinal);
        Assert.Contains("plan-print.css", print, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav", print, StringComparison.Ordinal);
        Assert.DoesNotContain("trinn-header", print, StringComparison.Ordinal);

        var stepId = await fx.WithDbAsync(db => db.Set<ActionPlanStep>().Where(s => s.CandidateId == candidate.Id).Select(s => s.Id).SingleAsync());
        var done = await AppFixture.PostFormAsync(client, url, new()
        {
            ["Input.Date"] = "2026-11-27",
            ["Input.CandidatePresent"] = "true",
            [$"Input.StepStatuses[{stepId}]"] = S((int)StepStatus.Done),
            ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Kandidaten har gjort 1 av 1 eget steg.", await (await client.GetAsync(url)).HtmlAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Plan: Oppdatere CV-en", await (await client.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);

        var api = await client.GetFromJsonAsync<JsonElement>($"/api/candidates/{candidate.Id}/action-plan", Json);
        Assert.Equal("Jobb i butikk", api.GetProperty("goals")[0].GetProperty("text").GetString());
        Assert.Equal("Done", api.GetProperty("steps")[0].GetProperty("status").GetString());
        Assert.Equal(2, api.GetProperty("updates").GetArrayLength());
        Assert.True(api.GetProperty("updates")[0].GetProperty("candidatePresent").GetBoolean());
        Assert.True(await AuditedAsync(candidate.Id, "ActionPlanPage"));
        Assert.True(await AuditedAsync(candidate.Id, "ActionPlanPrint"));
        Assert.True(await AuditedAsync(candidate.Id, "ActionPlanApi"));
    }

    [Fact]
    public async Task CandidatePage_LatestNavThreeWayAndHealthContacts_EachItsOwnLatest_NoteEnteredInErrorLeftOut()
    {
        var candidate = await fx.CandidateAsync(health: true);
        var client = await fx.LoginAsync("js1");
        string Shown(string html, string label) =>
            System.Text.RegularExpressions.Regex.Match(html, $"<dt>{label}</dt><dd[^>]*>([^<]*)</dd>").Groups[1].Value;

        var before = await (await client.GetAsync($"/Candidates/Details/{candidate.Id}")).HtmlAsync();
        Assert.Equal("–", System.Net.WebUtility.HtmlDecode(Shown(before, "Siste kontakt med NAV-veilederen")));
        Assert.Equal("–", System.Net.WebUtility.HtmlDecode(Shown(before, "Siste trepartsmøte")));
        Assert.Equal("–", System.Net.WebUtility.HtmlDecode(Shown(before, "Siste kontakt med helsetjenesten")));

        foreach (var (date, kind) in new[]
        {
            (new DateOnly(2026, 8, 3), JournalKind.NavVeileder),
            (new DateOnly(2026, 10, 1), JournalKind.ThreeWayMeeting),
            (new DateOnly(2026, 9, 15), JournalKind.HealthServices),
            (new DateOnly(2026, 11, 20), JournalKind.HealthServices),
            (new DateOnly(2026, 11, 24), JournalKind.Meeting),
        })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await NoteAsync(client, candidate.Id, date, kind, $"Notat {kind}")).StatusCode);
        }

        // The three-way meeting is the latest contact with NAV too; the later health note was entered in error.
        await fx.WithDbAsync(async db =>
        {
            var wrong = await db.JournalNotes.SingleAsync(n => n.CandidateId == candidate.Id && n.Date == new DateOnly(2026, 11, 20));
            wrong.MarkEnteredInError(fx.UserIds["js1"], "Feil kandidat", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var html = await (await client.GetAsync($"/Candidates/Details/{candidate.Id}")).HtmlAsync();
        Assert.Equal("01.10.2026", Shown(html, "Siste kontakt med NAV-veilederen"));
        Assert.Equal("01.10.2026", Shown(html, "Siste trepartsmøte"));
        Assert.Equal("15.09.2026", Shown(html, "Siste kontakt med helsetjenesten"));

        Assert.Equal(HttpStatusCode.Redirect, (await NoteAsync(client, candidate.Id, new DateOnly(2026, 11, 25), JournalKind.NavVeileder, "Ringte veilederen")).StatusCode);
        html = await (await client.GetAsync($"/Candidates/Details/{candidate.Id}")).HtmlAsync();
        Assert.Equal("25.11.2026", Shown(html, "Siste kontakt med NAV-veilederen"));
        Assert.Equal("01.10.2026", Shown(html, "Siste trepartsmøte"));
    }

    [Fact]
    public async Task NavVeileder_SeesOwnReferral_StageNextStepAndMeetingsWithoutJournalText_HandoverAfterDischarge()
    {
        var candidate = await fx.CandidateAsync();
        var js1 = await fx.LoginAsync("js1");
        Assert.Equal(HttpStatusCode.Redirect, (await NoteAsync(js1, candidate.Id, new DateOnly(2026, 11, 20), JournalKind.ThreeWayMeeting, "HEMMELIG-JOURNALTEKST")).StatusCode);
        await AppFixture.PostFormAsync(js1, $"/ActionPlans/Index/{candidate.Id}", new()
        {
            ["Input.Date"] = "2026-11-20",
            ["Input.CandidatePresent"] = "true",
            ["Input.NavVeilederPresent"] = "true",
            ["Input.NewGoal"] = "Jobb",
            ["Input.StepText"] = "Søke på tre jobber",
            ["Input.StepOwner"] = S((int)StepOwner.Candidate),
            ["Input.StepDueDate"] = "2026-12-10",
            ["Input.Version"] = "0",
        });

        var nav = await fx.LoginAsync("nav1");
        Assert.Contains($"href=\"/Referrals/Details/{candidate.Id}\"", await (await nav.GetAsync("/Referrals/Mine")).HtmlAsync(), StringComparison.Ordinal);
        var view = await (await nav.GetAsync($"/Referrals/Details/{candidate.Id}")).HtmlAsync();
        Assert.Contains("Trinn 3", view, StringComparison.Ordinal);
        Assert.Contains("Søke på tre jobber", view, StringComparison.Ordinal);
        Assert.Contains("20.11.2026 – Trepartsmøte", view, StringComparison.Ordinal);
        Assert.DoesNotContain("HEMMELIG-JOURNALTEKST", view, StringComparison.Ordinal);
        Assert.True(await AuditedAsync(candidate.Id, "ReferralDetailsPage"));

        var notMine = await fx.CandidateAsync(referrer: "js2");
        Assert.Equal(HttpStatusCode.NotFound, (await nav.GetAsync($"/Referrals/Details/{notMine.Id}")).StatusCode);
        Assert.True(await fx.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.CandidateId == notMine.Id && e.Action == AuditAction.AccessDenied)));

        var discharge = await AppFixture.PostFormAsync(js1, $"/Candidates/Discharge/{candidate.Id}", new()
        {
            ["Input.Date"] = "2026-11-27",
            ["Input.Outcome"] = S((int)DischargeOutcome.BackToNavNotReady),
            ["Input.HandoverAgreed"] = "Veilederen tar over; ny vurdering om tre måneder",
            ["Input.Version"] = await VersionAsync(candidate.Id),
        });
        Assert.Equal(HttpStatusCode.Redirect, discharge.StatusCode);
        var handover = await (await nav.GetAsync($"/Referrals/Details/{candidate.Id}")).HtmlAsync();
        Assert.Contains("Tilbake til NAV-veileder – ikke klar for arbeid", handover, StringComparison.Ordinal);
        Assert.Contains("Veilederen tar over; ny vurdering om tre måneder", handover, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DischargeOutcomes_BothNewOnesOffered_AndStored()
    {
        var candidate = await fx.CandidateAsync();
        var client = await fx.LoginAsync("js1");
        var form = await (await client.GetAsync($"/Candidates/Discharge/{candidate.Id}")).HtmlAsync();
        Assert.Contains("Varighetsgrensen nådd", form, StringComparison.Ordinal);
        Assert.Contains("Tilbake til NAV-veileder – ikke klar for arbeid", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(client, $"/Candidates/Discharge/{candidate.Id}", new()
        {
            ["Input.Date"] = "2026-11-27",
            ["Input.Outcome"] = S((int)DischargeOutcome.DurationLimitReached),
            ["Input.Version"] = await VersionAsync(candidate.Id),
        })).StatusCode);
        Assert.Equal(DischargeOutcome.DurationLimitReached, await fx.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidate.Id).Select(c => c.DischargeOutcome).SingleAsync()));
    }

    [Fact]
    public async Task TakeBack_LostJobWithinAYear_OneActionKeepsHistory_EndsTheJobAndItsFollowUps()
    {
        var candidate = await fx.CandidateAsync();
        var client = await fx.LoginAsync("js1");
        var (placementId, _) = await fx.PaidJobAsync(client, candidate.Id, new DateOnly(2026, 10, 1));
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(client, $"/Candidates/Discharge/{candidate.Id}", new()
        {
            ["Input.Date"] = "2026-11-02",
            ["Input.Outcome"] = S((int)DischargeOutcome.OrdinaryWork),
            ["Input.Version"] = await VersionAsync(candidate.Id),
        })).StatusCode);
        Assert.Contains($"href=\"/Candidates/TakeBack/{candidate.Id}\"", await (await client.GetAsync($"/Candidates/Details/{candidate.Id}")).HtmlAsync(), StringComparison.Ordinal);

        var url = $"/Candidates/TakeBack/{candidate.Id}";
        var noEnding = await AppFixture.PostFormAsync(client, url, new()
        {
            ["Input.Date"] = "2026-11-25",
            ["Input.Reason"] = "Mistet jobben",
            ["Input.PlacementId"] = S(placementId),
            ["Input.Ending"] = "",
            ["Input.Version"] = await VersionAsync(candidate.Id),
        });
        Assert.NotNull(FieldError(await noEnding.HtmlAsync(), "Input_Ending"));
        Assert.NotNull(await fx.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidate.Id).Select(c => c.DischargedOn).SingleAsync()));

        var back = await AppFixture.PostFormAsync(client, url, new()
        {
            ["Input.Date"] = "2026-11-25",
            ["Input.Reason"] = "Mistet jobben ved nedbemanning",
            ["Input.PlacementId"] = S(placementId),
            ["Input.Ending"] = S((int)PlacementEnding.Dismissed),
            ["Input.Version"] = await VersionAsync(candidate.Id),
        });
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var c = await fx.WithDbAsync(db => db.Candidates.AsNoTracking().Include(x => x.Discharges).SingleAsync(x => x.Id == candidate.Id));
        Assert.Equal((3, (DateOnly?)null, new DateOnly(2026, 11, 25)), (c.Stage, c.DischargedOn, c.StageSince));
        var record = Assert.Single(c.Discharges);
        Assert.Equal((new DateOnly(2026, 11, 2), DischargeOutcome.OrdinaryWork, new DateOnly(2026, 11, 25)), (record.DischargedOn, record.Outcome, record.TakenBackOn!.Value));
        var job = await fx.WithDbAsync(db => db.Set<Placement>().AsNoTracking().SingleAsync(p => p.Id == placementId));
        Assert.Equal((new DateOnly(2026, 11, 25), PlacementEnding.Dismissed), (job.EndDate!.Value, job.Ending!.Value));
        Assert.False(await fx.WithDbAsync(db => db.Set<FollowUp>().AnyAsync(f => f.PlacementId == placementId && f.DoneOn == null && f.ClosedOn == null)));
        Assert.Contains("Tatt inn igjen 25.11.2026: Mistet jobben ved nedbemanning", await (await client.GetAsync($"/Candidates/Details/{candidate.Id}")).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TakeBack_DischargedToEducation_NotOffered_AndRefused()
    {
        var candidate = await fx.CandidateAsync();
        var client = await fx.LoginAsync("js1");
        await AppFixture.PostFormAsync(client, $"/Candidates/Discharge/{candidate.Id}", new()
        {
            ["Input.Date"] = "2026-11-20",
            ["Input.Outcome"] = S((int)DischargeOutcome.Education),
            ["Input.Version"] = await VersionAsync(candidate.Id),
        });
        Assert.DoesNotContain("/Candidates/TakeBack/", await (await client.GetAsync($"/Candidates/Details/{candidate.Id}")).HtmlAsync(), StringComparison.Ordinal);
        var refused = await AppFixture.PostFormAsync(client, $"/Candidates/TakeBack/{candidate.Id}", new()
        {
            ["Input.Date"] = "2026-11-25",
            ["Input.Reason"] = "x",
            ["Input.Version"] = await VersionAsync(candidate.Id),
        });
        Assert.Contains("skrevet ut til arbeid", FieldError(await refused.HtmlAsync(), "Input_Date"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseReview_ScheduledByMetodeveileder_RecordedByTeam_InitialsInList_LessonsSearchable_TeamOnly()
    {
        var candidate = await fx.CandidateAsync();
        var js1 = await fx.LoginAsync("js1");
        var denied = await js1.GetAsync($"/CaseReviews/New/{candidate.Id}");
        Assert.Equal("/Account/AccessDenied", new Uri(new Uri("http://localhost"), denied.Headers.Location!).AbsolutePath);

        var mv1 = await fx.LoginAsync("mv1");
        var scheduled = await AppFixture.PostFormAsync(mv1, $"/CaseReviews/New/{candidate.Id}", new()
        {
            ["Input.Reason"] = S((int)CaseReviewReason.LostJob),
            ["Input.Date"] = "2026-12-03",
        });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var id = await fx.WithDbAsync(db => db.Set<CaseReview>().Where(r => r.CandidateId == candidate.Id).Select(r => r.Id).SingleAsync());
        var recorded = await AppFixture.PostFormAsync(js1, $"/CaseReviews/Edit/{id}", new()
        {
            ["Input.HeldOn"] = "2026-11-27",
            ["Input.WhatHappened"] = "Mistet jobben i prøvetiden",
            ["Input.WhatWorked"] = "",
            ["Input.WhatDidNotWork"] = "For få besøk på arbeidsplassen",
            ["Input.DoDifferently"] = "Faste ukentlige besøk første måned",
            ["Input.Tags"] = "Prøvetid, oppfølging på arbeidsplassen",
            ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var list = await (await js1.GetAsync("/CaseReviews?tagg=pr%C3%B8vetid")).HtmlAsync();
        Assert.Contains($"data-review=\"{id}\"", list, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Kandidat\" data-initials>T.K.</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain(candidate.LastName, list, StringComparison.Ordinal);
        Assert.Contains($"data-review=\"{id}\"", await (await js1.GetAsync("/CaseReviews?sok=UKENTLIGE+bes%C3%B8k")).HtmlAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain($"data-review=\"{id}\"", await (await js1.GetAsync("/CaseReviews?tagg=arbeidsgiver")).HtmlAsync(), StringComparison.Ordinal);

        var jsb = await fx.LoginAsync("jsb");
        Assert.Equal(HttpStatusCode.NotFound, (await jsb.GetAsync($"/CaseReviews/Details/{id}")).StatusCode);
        Assert.DoesNotContain($"data-review=\"{id}\"", await (await jsb.GetAsync("/CaseReviews")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await js1.GetAsync($"/api/teams/{fx.TeamB}/case-reviews")).StatusCode);
        var api = await js1.GetFromJsonAsync<JsonElement>($"/api/teams/{fx.TeamA}/case-reviews?tag=pr%C3%B8vetid", Json);
        var row = api.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal("T.K.", row.GetProperty("candidateInitials").GetString());
        Assert.True(await AuditedAsync(candidate.Id, "CaseReviewApi"));
    }

    [Fact]
    public async Task GroupActivity_InEachParticipantsTimeline_ApiByPeriod_BadInputRefused()
    {
        var first = await fx.CandidateAsync();
        var second = await fx.CandidateAsync();
        var otherTeam = await fx.CandidateAsync(team: fx.TeamB);
        var client = await fx.LoginAsync("js1");
        var fields = new Dictionary<string, string>
        {
            ["Input.Date"] = "2026-11-24",
            ["Input.Kind"] = "1",
            ["Input.Title"] = "CV-verksted uke 48",
            ["Input.DurationMinutes"] = "120",
            ["Input.Note"] = "",
            ["Input.LeaderIds"] = fx.UserIds["js1"],
            ["Input.CandidateIds"] = S(otherTeam.Id),
        };
        Assert.NotNull(FieldError(await (await AppFixture.PostFormAsync(client, "/Activities/New", fields)).HtmlAsync(), "Input_CandidateIds"));
        var body = fields.Where(f => f.Key != "Input.CandidateIds").ToList();
        body.Add(new("Input.CandidateIds", S(first.Id)));
        body.Add(new("Input.CandidateIds", S(second.Id)));
        var created = await client.SubmitAsync("/Activities/New", body);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = await (await client.GetAsync(created.Headers.Location!.OriginalString)).HtmlAsync();
        Assert.Contains("Test js1", details, StringComparison.Ordinal);
        Assert.Contains($"/Candidates/Details/{second.Id}", details, StringComparison.Ordinal);

        foreach (var c in new[] { first, second })
        {
            Assert.Contains("CV-verksted uke 48", await (await client.GetAsync($"/Candidates/Details/{c.Id}")).HtmlAsync(), StringComparison.Ordinal);
        }

        var api = await client.GetFromJsonAsync<JsonElement>("/api/activities?from=2026-11-01&to=2026-11-30", Json);
        var row = api.EnumerateArray().Single(a => a.GetProperty("title").GetString() == "CV-verksted uke 48");
        Assert.Equal([first.Id, second.Id], row.GetProperty("candidateIds").EnumerateArray().Select(x => x.GetInt32()).Order());
        var bad = await client.GetAsync("/api/activities?from=27.11.2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("ÅÅÅÅ-MM-DD", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/activities?from=2026-11-30&to=2026-11-01")).StatusCode);
        var jsb = await fx.LoginAsync("jsb");
        Assert.DoesNotContain("CV-verksted uke 48", await jsb.GetStringAsync("/api/activities?from=2026-11-01&to=2026-11-30"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programme_SetOnTheCandidate_FiltersTheTeamListAndTheApi()
    {
        var candidate = await fx.CandidateAsync();
        var client = await fx.LoginAsync("js1");
        var saved = await AppFixture.PostFormAsync(client, $"/Candidates/Edit/{candidate.Id}", new()
        {
            ["Input.FirstName"] = candidate.FirstName,
            ["Input.LastName"] = candidate.LastName,
            ["Input.PrimarySpecialistId"] = fx.UserIds["js1"],
            ["Input.Programme"] = S((int)Programme.Ips),
            ["Input.Version"] = await VersionAsync(candidate.Id),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"/Candidates/Details/{candidate.Id}\"", await (await client.GetAsync("/Candidates?program=2&status=alle")).HtmlAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain($"/Candidates/Details/{candidate.Id}\"", await (await client.GetAsync("/Candidates?program=1&status=alle")).HtmlAsync(), StringComparison.Ordinal);
        var api = await client.GetFromJsonAsync<JsonElement>("/api/candidates?programme=Ips&pageSize=200", Json);
        Assert.Contains(api.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == candidate.Id && i.GetProperty("programme").GetString() == "Ips");
    }

    [Fact]
    public async Task FidelityRound_MetodeveilederChoosesWhoAnswers_StatusCountsThem()
    {
        var mv1 = await fx.LoginAsync("mv1");
        var none = await AppFixture.PostFormAsync(mv1, "/Fidelity/New", new() { ["Input.Label"] = "Runde uten svarere", ["Input.OpensOn"] = "2026-11-27", ["Input.ClosesOn"] = "2026-12-10" });
        Assert.NotNull(FieldError(await none.HtmlAsync(), "Input_Respondents"));
        var opened = await AppFixture.PostFormAsync(mv1, "/Fidelity/New", new()
        {
            ["Input.Label"] = "Runde " + Guid.NewGuid().ToString("N")[..6],
            ["Input.OpensOn"] = "2026-11-27",
            ["Input.ClosesOn"] = "2026-12-10",
            ["Input.Respondents"] = fx.UserIds["js1"],
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var status = await (await mv1.GetAsync(opened.Headers.Location!.OriginalString)).HtmlAsync();
        Assert.Contains("0 av 1 har svart", status, StringComparison.Ordinal);
        Assert.Contains("Test js1", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Test js2", status, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"expected-note\"", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PowerPage_ShowsTheTwoAndFourMeasurementReadings_NotFourAsTheReportsOwn()
    {
        // The report: power 90 %, f = 0.25, α 5 % and N = 30 "ved inklusjon og ved tre måneder". R (pwr-style noncentral F,
        // see tests/Trinn.Statistics.Tests/DistributionsAndPowerTests.cs): m = 2 → N = 44, power at 30 = 0.754; m = 4 → N = 30.
        var client = await fx.LoginAsync("forsker1");
        var html = await (await client.GetAsync("/Research/Power")).HtmlAsync();
        Assert.DoesNotContain("rapportens beregning", html, StringComparison.Ordinal);
        Assert.Matches("data-measurements=\"2\">[^<]*<th[^>]*>[^<]*</th>\\s*<td data-required>44</td>\\s*<td data-power>0,75</td>", html);
        Assert.Matches("data-measurements=\"4\">[^<]*<th[^>]*>[^<]*</th>\\s*<td data-required>30</td>\\s*<td data-power>0,90</td>", html);
        Assert.Contains("ved inklusjon og ved tre måneder", html, StringComparison.Ordinal);
    }

    private Task<string> VersionAsync(int candidateId) =>
        fx.WithDbAsync(async db => (await db.Candidates.Where(c => c.Id == candidateId).Select(c => c.Version).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private Task<bool> AuditedAsync(int candidateId, string entityType) =>
        fx.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.CandidateId == candidateId && e.EntityType == entityType && e.Action == AuditAction.Read));
}

public sealed class PracticePagesSqliteTests(SqliteAppFixture fx) : PracticePagesTests(fx), IClassFixture<SqliteAppFixture>;

public sealed class PracticePagesPostgresTests(PostgresAppFixture fx) : PracticePagesTests(fx), IClassFixture<PostgresAppFixture>;
